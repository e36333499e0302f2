# Django discovers an app's models here; the shared taxonomy lives in its own module.
from core.taxonomy import Topic

__all__ = ["Topic"]
