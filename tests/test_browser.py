"""The HTML output in a real browser: Debian's headless Chromium, driven by Selenium.

At a phone's width (375 px) and a desktop's (1200 px): nothing wider than the window, every
in-page link has its target, every image loads, the text keeps a readable measure and the contents
numbers are not clipped. .ci/run installs chromium and chromium-driver; where they cannot be
installed the test is skipped, except when BRIEFGEN_BROWSER=required (set by .ci/run once the
install worked), where a missing or broken browser fails it.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings

REPO = Path(__file__).resolve().parents[1]
WIDTHS = (375, 1200)
REQUIRED = os.environ.get("BRIEFGEN_BROWSER") == "required"


def _browser_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver") if not REQUIRED else __import__(
        "selenium.webdriver", fromlist=["webdriver"])
    paths = _browser_paths()
    if paths is None:
        if REQUIRED:
            pytest.fail("BRIEFGEN_BROWSER=required but chromium or chromedriver is not installed")
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must never try to download a driver
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(executable_path=paths[1]), options=options)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def briefing_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles with the worked example's settings: a logo, letter paper, a course theme."""
    out = tmp_path_factory.mktemp("html")
    settings = load_settings(REPO / "inputs", REPO / "docs" / "example" / "briefgen.toml")
    result = build(REPO / "inputs", out, dt.date(2026, 12, 1), settings, ["html"], use_cache=False)
    return next(path for path in result.outputs if path.suffix == ".html")


def show(driver, page: Path, width: int) -> None:
    # The viewport itself, as a phone or a desktop window has it (mobile: the viewport meta tag counts).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get(page.as_uri())


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_wider_than_the_window(driver, briefing_html, width):
    show(driver, briefing_html, width)
    overflow = driver.execute_script("""
        const limit = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > limit + 0.5 || e.getBoundingClientRect().left < -0.5)
            .map(e => e.tagName + '.' + e.className);
        return {scroll: document.documentElement.scrollWidth, limit: limit, wide: wide.slice(0, 5)};
    """)
    assert overflow["scroll"] <= overflow["limit"] and overflow["wide"] == [], overflow


@pytest.mark.parametrize("width", WIDTHS)
def test_every_in_page_link_has_its_target(driver, briefing_html, width):
    show(driver, briefing_html, width)
    links = driver.execute_script("""
        return [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1));
    """)
    missing = driver.execute_script("return arguments[0].filter(id => !document.getElementById(id));", links)
    assert len(links) > 10 and missing == []


@pytest.mark.parametrize("width", WIDTHS)
def test_images_load(driver, briefing_html, width):
    show(driver, briefing_html, width)
    images = driver.execute_script("""
        return [...document.images].map(i => ({src: i.src.slice(0, 30), ok: i.complete && i.naturalWidth > 0}));
    """)
    assert images and all(image["ok"] for image in images), images  # the course logo at least


def test_a_readable_measure_on_a_wide_screen(driver, briefing_html):
    show(driver, briefing_html, 1200)
    characters = driver.execute_script("""
        const p = document.querySelector('.summary p');
        const style = getComputedStyle(p);
        const context = document.createElement('canvas').getContext('2d');
        context.font = style.fontSize + ' ' + style.fontFamily;
        const text = p.textContent.replace(/\\u00ad/g, '');
        return p.getBoundingClientRect().width / (context.measureText(text).width / text.length);
    """)
    assert 55 <= characters <= 80  # about 70 characters a line, not 200


@pytest.mark.parametrize("width", WIDTHS)
def test_contents_numbers_are_not_clipped(driver, briefing_html, width):
    show(driver, briefing_html, width)
    room = driver.execute_script("""
        const ol = document.querySelector('.contents ol');
        const context = document.createElement('canvas').getContext('2d');
        context.font = getComputedStyle(ol).fontSize + ' ' + getComputedStyle(ol).fontFamily;
        return {left: ol.getBoundingClientRect().left, padding: parseFloat(getComputedStyle(ol).paddingLeft),
                number: context.measureText('12. ').width};
    """)
    assert room["left"] >= 0 and room["padding"] >= room["number"], room
