# One module per page type or concept; Django discovers them all here.
from countries.models.country_index_page import CountryIndexPage
from countries.models.country_page import CountryPage, TrainingLanguage
from countries.models.imports import IndicatorImport
from countries.models.indicators import IndicatorType, IndicatorValue
from countries.models.story_index_page import StoryIndexPage
from countries.models.story_page import StoryPage, StoryRelatedResource
from countries.models.targets import Scope, Target
from countries.models.team import CountryTeam
from countries.models.text_record import CountryText

__all__ = [
    "CountryIndexPage",
    "CountryPage",
    "CountryTeam",
    "CountryText",
    "IndicatorImport",
    "IndicatorType",
    "IndicatorValue",
    "Scope",
    "StoryIndexPage",
    "StoryPage",
    "StoryRelatedResource",
    "Target",
    "TrainingLanguage",
]
