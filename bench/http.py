"""A tiny HTTP client on the standard library (requests is not installed): keep-alive, cookies,
CSRF token from forms, and the time of each request."""

import http.client
import re
import time
import urllib.parse
from http.cookies import SimpleCookie

CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


class Session:
    def __init__(self, host: str, port: int, timeout: float = 30):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, bytes, float, dict]:
        """(status, body, seconds, headers). Redirects are not followed."""
        headers = {"Host": f"{self.host}:{self.port}", "Accept-Language": "vi"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        for attempt in (1, 2):
            start = time.perf_counter()
            try:
                conn = self._connection()
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                payload = response.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                # A keep-alive connection the server closed: reconnect once.
                self.close()
                if attempt == 2:
                    raise
                continue
            elapsed = time.perf_counter() - start
            for header in response.msg.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(header)
                for key, morsel in cookie.items():
                    self.cookies[key] = morsel.value
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, payload, elapsed, dict(response.getheaders())
        raise RuntimeError("unreachable")

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, data: dict):
        return self.request("POST", path, data)

    def csrf_from(self, body: bytes) -> str:
        match = CSRF_RE.search(body)
        if not match:
            raise RuntimeError("no CSRF token in the form")
        return match.group(1).decode()

    def login(self, login_path: str, username: str, password: str) -> None:
        status, body, _t, _h = self.get(login_path)
        token = self.csrf_from(body)
        status, body, _t, headers = self.post(login_path, {"username": username, "password": password, "csrfmiddlewaretoken": token})
        if status != 302:
            raise RuntimeError(f"sign-in of {username} failed: HTTP {status}")
