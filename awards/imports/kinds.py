"""One specification per import kind (CONTRACTS §4): headers, row parsing, bulk resolution and
bulk write. Codes are resolved with one query per referenced table (chunked), never per row."""

from abc import ABC, abstractmethod
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from campaigns.models import Campaign
from core.text import fold
from org.enums import MAJORITY_ETHNICITY, Gender, UnitKind
from org.models import Household, Person, Unit

from ..enums import (
    SUBJECT_IMPORT_CODES,
    CommendationType,
    DisciplineForm,
    Grade,
    InitiativeScope,
    SubjectType,
)
from ..models import Award, AwardKind, Discipline, Initiative, Rating
from ..models.register import award_search_text
from ..services.money import MoneyTables
from ..services.register import recipient_snapshot
from .fields import CODE_RE, Row, RowError

CHUNK = 2000
BATCH = 1000


def by_code(queryset, codes) -> dict:
    """``{code: object}`` for the given codes, a chunked ``IN`` query per 2,000 codes."""
    codes = sorted(set(c for c in codes if c))
    found = {}
    for i in range(0, len(codes), CHUNK):
        for obj in queryset.filter(code__in=codes[i:i + CHUNK]):
            found[obj.code] = obj
    return found


@dataclass
class Context:
    """What resolution needs: who imports, their scope, and where errors go."""

    actor: object = None
    scope_unit: Unit | None = None
    errors: list[RowError] = field(default_factory=list)

    def in_scope(self, unit: Unit | None) -> bool:
        return self.scope_unit is None or (unit is not None and unit.is_within(self.scope_unit))


@dataclass
class Parsed:
    row: Row
    data: dict


class Spec(ABC):
    """One import kind: its headers, how a row is parsed, how parsed rows become objects."""

    kind: str = ""
    headers: list[str] = []
    optional: list[str] = []
    staff_only = False
    example: list = []

    @abstractmethod
    def parse(self, row: Row) -> dict:
        """The row's cleaned values; cell errors are recorded on ``row``."""

    @abstractmethod
    def resolve(self, items: list[Parsed], ctx: Context) -> list:
        """Unsaved model objects for the parsed rows, with codes resolved in bulk."""

    def write(self, objects: list) -> int:
        type(objects[0]).objects.bulk_create(objects, batch_size=BATCH) if objects else None
        return len(objects)

    @staticmethod
    def duplicates_in_file(items: list[Parsed], key, header: str, message: str) -> None:
        first: dict = {}
        for item in items:
            k = key(item)
            if k is None:
                continue
            if k in first:
                item.row.error(header, message % {"other": first[k]})
            else:
                first[k] = item.row.number


def _out_of_scope(row: Row, header: str, code: str) -> None:
    row.error(header, _("\"%(code)s\" ngoài phạm vi đơn vị của bạn.") % {"code": code})


class UnitsSpec(Spec):
    kind = "units"
    headers = ["Mã đơn vị", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Vùng khó khăn"]
    staff_only = True
    example = ["SGDDT.TH1", "Trường Tiểu học Kim Đồng", "truong_hoc", "SGDDT", "khong"]

    def parse(self, row):
        return {
            "code": row.code("Mã đơn vị"), "name": row.text("Tên đơn vị"), "kind": row.choice("Loại", UnitKind.values),
            "parent": row.code("Mã đơn vị cấp trên", required=False), "hardship": row.yes_no("Vùng khó khăn"),
        }

    def resolve(self, items, ctx):
        self.duplicates_in_file(items, lambda i: i.data["code"] or None, "Mã đơn vị", _("mã đơn vị bị lặp trong tệp (đã có ở dòng %(other)s)."))
        file_codes = {i.data["code"]: i for i in items if i.data["code"]}
        existing = by_code(Unit.objects.all(), [i.data["code"] for i in items] + [i.data["parent"] for i in items])
        for item in items:
            code, parent = item.data["code"], item.data["parent"]
            if code in existing:
                item.row.error("Mã đơn vị", _("mã đơn vị \"%(code)s\" đã có trong hệ thống.") % {"code": code})
            if parent and parent not in existing and parent not in file_codes:
                item.row.error("Mã đơn vị cấp trên", _("không tìm thấy đơn vị cấp trên \"%(code)s\".") % {"code": parent})
            if parent and parent == code:
                item.row.error("Mã đơn vị cấp trên", _("đơn vị không thể là cấp trên của chính nó."))
        # A cycle inside the file (A under B, B under A) never reaches a known root.
        for item in items:
            seen, current = set(), item.data["code"]
            while current in file_codes and current not in seen:
                seen.add(current)
                current = file_codes[current].data["parent"]
            if current in seen:
                item.row.error("Mã đơn vị cấp trên", _("quan hệ cấp trên tạo thành vòng lặp."))
        self._existing = existing
        return [i.data for i in items]

    def write(self, objects):
        paths = {code: unit.path for code, unit in self._existing.items()}
        ids = {code: unit.pk for code, unit in self._existing.items()}
        pending = list(objects)
        written = 0
        while pending:
            layer = [d for d in pending if not d["parent"] or d["parent"] in paths]
            pending = [d for d in pending if d not in layer]
            units = [Unit(
                code=d["code"], name=d["name"], kind=d["kind"], parent_id=ids.get(d["parent"]) if d["parent"] else None,
                hardship_area=bool(d["hardship"]), path=(paths[d["parent"]] if d["parent"] else "/") + d["code"] + "/",
                search_text=fold(f"{d['code']} {d['name']}"),
            ) for d in layer]
            Unit.objects.bulk_create(units, batch_size=BATCH)
            for unit in by_code(Unit.objects.only("id", "code", "path"), [u.code for u in units]).values():
                paths[unit.code], ids[unit.code] = unit.path, unit.pk
            written += len(units)
        return written


class PersonsSpec(Spec):
    kind = "persons"
    headers = ["Mã cá nhân", "Họ và tên", "Giới tính", "Ngày sinh", "Dân tộc", "Mã đơn vị", "Chức vụ", "Lãnh đạo quản lý"]
    example = ["CN90001", "Nguyễn Thị Mai", "nu", "15/04/1985", "Kinh", "SGDDT.VP", "Chuyên viên", "khong"]

    def parse(self, row):
        return {
            "code": row.code("Mã cá nhân"), "full_name": row.text("Họ và tên", max_length=200),
            "gender": row.choice("Giới tính", Gender.values), "birth_date": row.date("Ngày sinh", required=False),
            "ethnicity": row.text("Dân tộc", required=False, max_length=50) or MAJORITY_ETHNICITY,
            "unit": row.code("Mã đơn vị"), "position": row.text("Chức vụ", required=False, max_length=200),
            "is_leader": row.yes_no("Lãnh đạo quản lý"),
        }

    def resolve(self, items, ctx):
        self.duplicates_in_file(items, lambda i: i.data["code"] or None, "Mã cá nhân", _("mã cá nhân bị lặp trong tệp (đã có ở dòng %(other)s)."))
        existing = by_code(Person.objects.only("id", "code"), [i.data["code"] for i in items])
        units = by_code(Unit.objects.only("id", "code", "path"), [i.data["unit"] for i in items])
        people = []
        for item in items:
            d = item.data
            if d["code"] in existing:
                item.row.error("Mã cá nhân", _("mã cá nhân \"%(code)s\" đã có trong hệ thống.") % {"code": d["code"]})
            unit = units.get(d["unit"])
            if d["unit"] and unit is None:
                item.row.error("Mã đơn vị", _("không tìm thấy đơn vị \"%(code)s\".") % {"code": d["unit"]})
            elif unit is not None and not ctx.in_scope(unit):
                _out_of_scope(item.row, "Mã đơn vị", d["unit"])
            if item.row.ok:
                people.append(Person(
                    code=d["code"], full_name=d["full_name"], gender=d["gender"], birth_date=d["birth_date"],
                    ethnicity=d["ethnicity"], unit=unit, position=d["position"], is_leader=bool(d["is_leader"]),
                    search_text=fold(f"{d['code']} {d['full_name']}"),
                ))
        return people


class HouseholdsSpec(Spec):
    kind = "households"
    headers = ["Mã hộ", "Chủ hộ", "Địa chỉ", "Mã đơn vị"]
    example = ["HO9001", "Lò Văn Pảo", "Thôn Nà Pồng, xã Tân Lập", "XA.TANLAP.T1"]

    def parse(self, row):
        return {"code": row.code("Mã hộ"), "head_name": row.text("Chủ hộ", max_length=200),
                "address": row.text("Địa chỉ", required=False), "unit": row.code("Mã đơn vị")}

    def resolve(self, items, ctx):
        self.duplicates_in_file(items, lambda i: i.data["code"] or None, "Mã hộ", _("mã hộ bị lặp trong tệp (đã có ở dòng %(other)s)."))
        existing = by_code(Household.objects.only("id", "code"), [i.data["code"] for i in items])
        units = by_code(Unit.objects.only("id", "code", "path"), [i.data["unit"] for i in items])
        result = []
        for item in items:
            d = item.data
            if d["code"] in existing:
                item.row.error("Mã hộ", _("mã hộ \"%(code)s\" đã có trong hệ thống.") % {"code": d["code"]})
            unit = units.get(d["unit"])
            if d["unit"] and unit is None:
                item.row.error("Mã đơn vị", _("không tìm thấy đơn vị \"%(code)s\".") % {"code": d["unit"]})
            elif unit is not None and not ctx.in_scope(unit):
                _out_of_scope(item.row, "Mã đơn vị", d["unit"])
            if item.row.ok:
                result.append(Household(code=d["code"], head_name=d["head_name"], address=d["address"], unit=unit,
                                        search_text=fold(f"{d['code']} {d['head_name']} {d['address']}")))
        return result


def _resolve_subjects(items, ctx, *, code_header, type_header, allowed_types):
    """``{(subject_type, code): object}`` for persons, units and households named in the rows,
    with errors for unknown codes and, for unit users, subjects outside their unit."""
    wanted = defaultdict(set)
    for item in items:
        if item.data["subject_type"] and item.data["subject"]:
            wanted[item.data["subject_type"]].add(item.data["subject"])
    found = {}
    querysets = {
        SubjectType.INDIVIDUAL: Person.objects.select_related("unit"),
        SubjectType.COLLECTIVE: Unit.objects.all(),
        SubjectType.HOUSEHOLD: Household.objects.select_related("unit"),
    }
    for subject_type, codes in wanted.items():
        for code, obj in by_code(querysets[subject_type], codes).items():
            found[(subject_type, code)] = obj
    labels = {SubjectType.INDIVIDUAL: _("cá nhân"), SubjectType.COLLECTIVE: _("tập thể (đơn vị)"), SubjectType.HOUSEHOLD: _("hộ gia đình")}
    for item in items:
        key = (item.data["subject_type"], item.data["subject"])
        if not all(key):
            continue
        obj = found.get(key)
        if obj is None:
            item.row.error(code_header, _("không tìm thấy %(what)s có mã \"%(code)s\".") % {"what": labels[key[0]], "code": key[1]})
        elif not ctx.in_scope(obj if isinstance(obj, Unit) else obj.unit):
            _out_of_scope(item.row, code_header, key[1])
    return found


def _subject_type(row: Row, header: str, allowed: dict) -> str:
    code = row.choice(header, list(allowed))
    return allowed.get(code, "")


RATING_SUBJECTS = {"ca_nhan": SubjectType.INDIVIDUAL, "tap_the": SubjectType.COLLECTIVE}


class RatingsSpec(Spec):
    kind = "ratings"
    headers = ["Mã đối tượng", "Loại đối tượng", "Năm", "Xếp loại"]
    example = ["CN00001", "ca_nhan", "2025", "HTXSNV"]

    def parse(self, row):
        return {"subject": row.code("Mã đối tượng"), "subject_type": _subject_type(row, "Loại đối tượng", RATING_SUBJECTS),
                "year": row.year("Năm"), "grade": row.choice("Xếp loại", Grade.values, upper=True)}

    def resolve(self, items, ctx):
        self.duplicates_in_file(items, lambda i: (i.data["subject_type"], i.data["subject"], i.data["year"]) if all(i.data.values()) else None,
                                "Mã đối tượng", _("đối tượng đã được xếp loại cho năm này ở dòng %(other)s."))
        subjects = _resolve_subjects(items, ctx, code_header="Mã đối tượng", type_header="Loại đối tượng", allowed_types=RATING_SUBJECTS)
        person_ids = {o.pk for (t, _c), o in subjects.items() if t == SubjectType.INDIVIDUAL}
        unit_ids = {o.pk for (t, _c), o in subjects.items() if t == SubjectType.COLLECTIVE}
        years = {i.data["year"] for i in items if i.data["year"]}
        taken = set()
        for ids, field_name, subject_type in ((person_ids, "person_id", SubjectType.INDIVIDUAL), (unit_ids, "unit_id", SubjectType.COLLECTIVE)):
            ids = sorted(ids)
            for i in range(0, len(ids), CHUNK):
                for pk, year in Rating.objects.filter(**{f"{field_name}__in": ids[i:i + CHUNK]}, year__in=years).values_list(field_name, "year"):
                    taken.add((subject_type, pk, year))
        ratings = []
        for item in items:
            d = item.data
            obj = subjects.get((d["subject_type"], d["subject"]))
            if obj is not None and (d["subject_type"], obj.pk, d["year"]) in taken:
                item.row.error("Năm", _("\"%(code)s\" đã có xếp loại năm %(year)s trong hệ thống.") % {"code": d["subject"], "year": d["year"]})
            if item.row.ok and obj is not None:
                individual = d["subject_type"] == SubjectType.INDIVIDUAL
                ratings.append(Rating(subject_type=d["subject_type"], person=obj if individual else None,
                                      unit=None if individual else obj, year=d["year"], grade=d["grade"]))
        return ratings


class InitiativesSpec(Spec):
    kind = "initiatives"
    headers = ["Mã sáng kiến", "Tên sáng kiến", "Tác giả", "Năm", "Phạm vi", "Số quyết định công nhận"]
    example = ["SK-2025-001", "Ứng dụng bản đồ số trong quản lý trường học", "CN00001;CN00002", "2025", "tinh", "123/QĐ-HĐSK"]

    def parse(self, row):
        authors_text = row.text("Tác giả", max_length=1000)
        authors = [a.strip() for a in authors_text.replace(",", ";").split(";") if a.strip()]
        for code in authors:
            if not CODE_RE.match(code):
                row.error("Tác giả", _("mã tác giả \"%(v)s\" không hợp lệ.") % {"v": code[:40]})
        if len(set(authors)) != len(authors):
            row.error("Tác giả", _("một tác giả được ghi hai lần."))
        return {"code": row.code("Mã sáng kiến"), "title": row.text("Tên sáng kiến", max_length=500), "authors": authors,
                "year": row.year("Năm"), "scope": row.choice("Phạm vi", InitiativeScope.values),
                "decision_number": row.text("Số quyết định công nhận", required=False, max_length=100)}

    def resolve(self, items, ctx):
        self.duplicates_in_file(items, lambda i: i.data["code"] or None, "Mã sáng kiến", _("mã sáng kiến bị lặp trong tệp (đã có ở dòng %(other)s)."))
        existing = by_code(Initiative.objects.only("id", "code"), [i.data["code"] for i in items])
        people = by_code(Person.objects.select_related("unit").only("id", "code", "unit__path"), [a for i in items for a in i.data["authors"]])
        result = []
        for item in items:
            d = item.data
            if d["code"] in existing:
                item.row.error("Mã sáng kiến", _("mã sáng kiến \"%(code)s\" đã có trong hệ thống.") % {"code": d["code"]})
            unknown = [a for a in d["authors"] if a not in people]
            if unknown:
                item.row.error("Tác giả", _("không tìm thấy cá nhân: %(codes)s.") % {"codes": ", ".join(unknown)})
            outside = [a for a in d["authors"] if a in people and not ctx.in_scope(people[a].unit)]
            if outside:
                item.row.error("Tác giả", _("tác giả ngoài phạm vi đơn vị của bạn: %(codes)s.") % {"codes": ", ".join(outside)})
            if item.row.ok:
                result.append((Initiative(code=d["code"], title=d["title"], year=d["year"], scope=d["scope"],
                                          decision_number=d["decision_number"], search_text=fold(f"{d['code']} {d['title']}")),
                               [people[a].pk for a in d["authors"]]))
        return result

    def write(self, objects):
        Initiative.objects.bulk_create([ini for ini, _a in objects], batch_size=BATCH)
        ids = {code: obj.pk for code, obj in by_code(Initiative.objects.only("id", "code"), [ini.code for ini, _a in objects]).items()}
        through = Initiative.authors.through
        through.objects.bulk_create([through(initiative_id=ids[ini.code], person_id=pk) for ini, authors in objects for pk in authors], batch_size=BATCH)
        return len(objects)


class DisciplinesSpec(Spec):
    kind = "disciplines"
    headers = ["Mã cá nhân", "Hình thức", "Từ ngày", "Đến ngày"]
    example = ["CN00001", "khien_trach", "01/03/2024", "01/09/2024"]

    def parse(self, row):
        d = {"person": row.code("Mã cá nhân"), "form": row.choice("Hình thức", DisciplineForm.values),
             "start": row.date("Từ ngày"), "end": row.date("Đến ngày", required=False)}
        if d["start"] and d["end"] and d["end"] < d["start"]:
            row.error("Đến ngày", _("\"Đến ngày\" trước \"Từ ngày\"."))
        return d

    def resolve(self, items, ctx):
        self.duplicates_in_file(items, lambda i: (i.data["person"], i.data["form"], i.data["start"]) if all((i.data["person"], i.data["form"], i.data["start"])) else None,
                                "Mã cá nhân", _("kỷ luật này đã có ở dòng %(other)s."))
        people = by_code(Person.objects.select_related("unit"), [i.data["person"] for i in items])
        ids = sorted(p.pk for p in people.values())
        taken = set()
        for i in range(0, len(ids), CHUNK):
            taken.update(Discipline.objects.filter(person_id__in=ids[i:i + CHUNK]).values_list("person_id", "form", "start_date"))
        result = []
        for item in items:
            d = item.data
            person = people.get(d["person"])
            if d["person"] and person is None:
                item.row.error("Mã cá nhân", _("không tìm thấy cá nhân có mã \"%(code)s\".") % {"code": d["person"]})
            elif person is not None and not ctx.in_scope(person.unit):
                _out_of_scope(item.row, "Mã cá nhân", d["person"])
            elif person is not None and (person.pk, d["form"], d["start"]) in taken:
                item.row.error("Từ ngày", _("kỷ luật này đã có trong hệ thống."))
            if item.row.ok:
                result.append(Discipline(person=person, form=d["form"], start_date=d["start"], end_date=d["end"]))
        return result


class AwardsSpec(Spec):
    kind = "awards"
    headers = ["Mã đối tượng", "Loại đối tượng", "Mã khen thưởng", "Năm", "Số quyết định", "Ngày quyết định",
               "Loại khen thưởng", "Mã phong trào", "Mã sáng kiến"]
    optional = ["Số tiền thưởng"]  # written by export_data; the amount is always recomputed
    staff_only = True
    example = ["CN00001", "ca_nhan", "CSTD_CS", "2025", "15/QĐ-UBND", "20/01/2026", "cong_trang", "", ""]

    def parse(self, row):
        return {"subject": row.code("Mã đối tượng"), "subject_type": _subject_type(row, "Loại đối tượng", SUBJECT_IMPORT_CODES),
                "kind": row.code("Mã khen thưởng"), "year": row.year("Năm"),
                "decision_number": row.text("Số quyết định", max_length=60), "decision_date": row.date("Ngày quyết định"),
                "commendation_type": row.choice("Loại khen thưởng", CommendationType.values),
                "campaign": row.code("Mã phong trào", required=False), "initiative": row.code("Mã sáng kiến", required=False)}

    def resolve(self, items, ctx):
        kinds = {k.code: k for k in AwardKind.objects.all()}
        subjects = _resolve_subjects(items, ctx, code_header="Mã đối tượng", type_header="Loại đối tượng", allowed_types=SUBJECT_IMPORT_CODES)
        campaigns = by_code(Campaign.objects.only("id", "code"), [i.data["campaign"] for i in items])
        initiatives = by_code(Initiative.objects.all(), [i.data["initiative"] for i in items])
        used = set()
        ini_ids = sorted(o.pk for o in initiatives.values())
        for i in range(0, len(ini_ids), CHUNK):
            used.update(Award.objects.in_force().filter(initiative_id__in=ini_ids[i:i + CHUNK]).values_list("initiative_id", flat=True))
        taken = set()
        years = {i.data["year"] for i in items if i.data["year"]}
        for subject_type, field_name in ((SubjectType.INDIVIDUAL, "person_id"), (SubjectType.COLLECTIVE, "unit_id"), (SubjectType.HOUSEHOLD, "household_id")):
            ids = sorted(o.pk for (t, _c), o in subjects.items() if t == subject_type)
            for i in range(0, len(ids), CHUNK):
                rows = Award.objects.in_force().filter(**{f"{field_name}__in": ids[i:i + CHUNK]}, year__in=years).values_list(field_name, "kind__code", "year")
                taken.update((subject_type, pk, code, year) for pk, code, year in rows)
        self.duplicates_in_file(items, lambda i: (i.data["subject_type"], i.data["subject"], i.data["kind"], i.data["year"]) if all((i.data["subject_type"], i.data["subject"], i.data["kind"], i.data["year"])) else None,
                                "Mã khen thưởng", _("đối tượng đã có khen thưởng này cho cùng năm ở dòng %(other)s."))
        self.duplicates_in_file(items, lambda i: i.data["initiative"] or None, "Mã sáng kiến", _("sáng kiến đã được dùng cho khen thưởng ở dòng %(other)s."))
        tables = MoneyTables()
        awards = []
        for item in items:
            d = item.data
            kind = kinds.get(d["kind"])
            if d["kind"] and kind is None:
                item.row.error("Mã khen thưởng", _("mã khen thưởng \"%(code)s\" không có trong danh mục.") % {"code": d["kind"]})
            elif kind is not None and d["subject_type"] and not kind.allows(d["subject_type"]):
                item.row.error("Mã khen thưởng", _("%(kind)s không áp dụng cho đối tượng %(subject)s.") % {
                    "kind": kind.code, "subject": SubjectType(d["subject_type"]).label.lower()})
            campaign = campaigns.get(d["campaign"]) if d["campaign"] else None
            if d["campaign"] and campaign is None:
                item.row.error("Mã phong trào", _("không tìm thấy phong trào \"%(code)s\".") % {"code": d["campaign"]})
            initiative = initiatives.get(d["initiative"]) if d["initiative"] else None
            if d["initiative"] and initiative is None:
                item.row.error("Mã sáng kiến", _("không tìm thấy sáng kiến \"%(code)s\".") % {"code": d["initiative"]})
            elif initiative is not None and initiative.pk in used:
                item.row.error("Mã sáng kiến", _("sáng kiến \"%(code)s\" đã được dùng cho một khen thưởng khác.") % {"code": d["initiative"]})
            subject = subjects.get((d["subject_type"], d["subject"]))
            if subject is not None and kind is not None and (d["subject_type"], subject.pk, kind.code, d["year"]) in taken:
                item.row.error("Mã khen thưởng", _("\"%(who)s\" đã có %(kind)s năm %(year)s trong sổ khen thưởng.") % {
                    "who": d["subject"], "kind": kind.code, "year": d["year"]})
            if item.row.ok and subject is not None:
                award = Award(
                    subject_type=d["subject_type"], kind=kind, year=d["year"], decision_number=d["decision_number"],
                    decision_date=d["decision_date"], commendation_type=d["commendation_type"], campaign=campaign,
                    initiative=initiative, amount=tables.amount(kind, d["subject_type"], d["decision_date"]),
                    search_text=award_search_text(subject, d["decision_number"], kind.code),
                    **recipient_snapshot(d["subject_type"], subject),
                )
                setattr(award, {SubjectType.INDIVIDUAL: "person", SubjectType.COLLECTIVE: "unit", SubjectType.HOUSEHOLD: "household"}[d["subject_type"]], subject)
                awards.append(award)
        return awards


SPECS: dict[str, Spec] = {spec.kind: spec for spec in (
    UnitsSpec(), PersonsSpec(), HouseholdsSpec(), RatingsSpec(), InitiativesSpec(), DisciplinesSpec(), AwardsSpec())}
KINDS = list(SPECS)
