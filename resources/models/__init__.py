# Django discovers an app's models here; each concept has its own module.
from resources.models.downloads import DownloadCount, ResourceDownloadTotal
from resources.models.files import CaptionTrack, ResourceFile, ResourceLanguage, ResourceLink
from resources.models.resource_index_page import ResourceIndexPage
from resources.models.resource_page import RelatedResource, ResourcePage
from resources.taxonomy import Audience, ResourceType

__all__ = [
    "Audience",
    "CaptionTrack",
    "DownloadCount",
    "RelatedResource",
    "ResourceFile",
    "ResourceIndexPage",
    "ResourceLanguage",
    "ResourceDownloadTotal",
    "ResourceLink",
    "ResourcePage",
    "ResourceType",
]
