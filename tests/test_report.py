"""The HTML report, rendered from a real run and opened in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from mlcanon.report.html import tag
from mlcanon.report.site import build, build_comparison
from mlcanon.report.tables import compare_runs
from tests.planted import install_distribution, outcomes, run_harness

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
REQUIRED = os.environ.get("MLCANON_REQUIRE_BROWSER") == "1"


def test_every_string_is_escaped():
    assert tag("td", "<script>x</script>") == "<td>&lt;script&gt;x&lt;/script&gt;</td>"
    assert tag("a", "t", href='"><script>') == '<a href="&quot;&gt;&lt;script&gt;">t</a>'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    install_distribution(root, "mlcanon_planted", {"planted": "mlcanon_planted"})
    results = root / "results.json"
    run = run_harness(root, results, "--backend", "numpy,torch,jax,bad_markup,bug_softmax",
                      "--device", "cpu", "--concept", "softmax", "-k", "softmax-",
                      MLCANON_PLUGINS="numpy,torch,jax,planted")
    assert results.exists(), run.stdout[-3000:]
    out = root / "site"
    build([results], out)
    return out, results


def test_pages_exist_and_links_resolve(site):
    out, results = site
    concepts = {r["concept"] for r in outcomes(results)}
    assert (out / "index.html").exists()
    for concept in concepts:
        assert (out / "concepts" / f"{concept}.html").exists()
    broken = []
    for page in out.rglob("*.html"):
        for href in re.findall(r'href="([^"#]+)', page.read_text()):
            if "://" not in href and not (page.parent / href).resolve().exists():
                broken.append(f"{page.relative_to(out)} -> {href}")
    assert broken == []


def test_markup_in_a_plugin_message_is_text(site):
    out, _ = site
    page = (out / "backends" / "bad_markup-cpu.html").read_text()
    assert "&lt;script&gt;window.__mlcanon_injected = 1&lt;/script&gt;" in page
    assert "<script>" not in page


def test_comparison_finds_new_failures_and_fixes(site, tmp_path):
    _, results = site
    records = outcomes(results)
    clean = [r for r in records if r["backend"] == "numpy"]
    broken = [{**r, "outcome": "failed", "message": "planted"} if r["case"] == "random_rows"
              else r for r in clean]
    changes = compare_runs(clean, broken, factor=4)
    assert {r["case"] for r in changes["new_failures"]} == {"random_rows"}
    assert compare_runs(broken, clean, factor=4)["fixes"]
    counts = build_comparison(results, results, tmp_path, 4.0)
    assert counts["new_failures"] == 0 and (tmp_path / "compare.html").exists()


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        if REQUIRED:
            pytest.fail("chromium and chromedriver are required (apt-get install chromium "
                        "chromium-driver)")
        pytest.skip("chromium or chromedriver not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1400,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def console_errors(driver):
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_pages_load_in_chromium_without_console_errors(site, browser):
    out, _ = site
    for page in sorted(out.rglob("*.html")):
        browser.get(page.as_uri())
        assert browser.title.endswith("mlcanon"), page
        assert console_errors(browser) == [], page


def test_matrix_has_one_row_per_concept(site, browser):
    out, results = site
    browser.get((out / "index.html").as_uri())
    rows = browser.execute_script(
        "return document.querySelectorAll('#matrix tbody tr:not(.family)').length")
    assert rows == len({r["concept"] for r in outcomes(results)})


def test_injected_markup_does_not_run_and_shows_as_text(site, browser):
    out, _ = site
    browser.get((out / "backends" / "bad_markup-cpu.html").as_uri())
    assert browser.execute_script("return window.__mlcanon_injected") is None
    assert "<script>window.__mlcanon_injected = 1</script>" in browser.find_element(
        "tag name", "body").text


def test_screenshot(site, browser, tmp_path):
    out, _ = site
    browser.get((out / "index.html").as_uri())
    shot = tmp_path / "overview.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
