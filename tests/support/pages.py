"""Reading what a rendered page says to machines."""

import json
import re


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [item for block in blocks for item in json.loads(block)]
