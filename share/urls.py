from django.urls import path

from share import views

app_name = "share"

urlpatterns = [
    path("", views.share, name="form"),
    path("thanks/", views.thanks, name="thanks"),
    path("withdraw/<str:token>/", views.withdraw, name="withdraw"),
]
