app_name = "blocs"
urlpatterns: list = []
