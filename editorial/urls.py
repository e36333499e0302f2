from django.urls import path

from editorial import views

app_name = "editorial"
urlpatterns = [
    path("stop/<str:token>/", views.stop, name="stop"),
]
