"""The HTML report in a real browser: headless Chromium (``make test-browser``).

Renders the seed fixture, loads it from a file: URL with the network disabled, and checks
what a reader sees: the chain names and flag kinds are laid out, visible and within the
first screen; on a phone-sized window the vertical chain replaces the wide one and nothing
overflows sideways. Set TRACER_SAVE_SCREENSHOT=1 to write docs/report-seed.png.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.fixtures.report.seed_trace import seed_trace
from tracer.report import render

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
NAMES = ("senior US official", "Yonhap", "Sputnik", "Pakistan Point News")
KINDS = (
    "duplicate-headline",
    "repeated-paragraph",
    "anonymous-source",
    "vague-attribution",
    "multi-layer-attribution",
    "state-affiliated-source",
)

if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or run `make test-browser`",
        allow_module_level=True,
    )


def chromium(tmp_path: Path, *args: str, width: int = 1280, height: int = 1600) -> str:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}", f"--window-size={width},{height}", *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def report_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report-seed.html"
    path.write_text(render(seed_trace(), "html"), encoding="utf-8")
    return path


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.parts.append(data)


def test_dom_has_the_chain_and_flags(report_file, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", report_file.as_uri())
    parser = Text()
    parser.feed(dom)
    text = " ".join("".join(parser.parts).split())
    for name in NAMES:
        assert name in text
    for kind in KINDS:
        assert kind in text
    assert "layers: 3" in text
    assert "script" not in parser.tags


# A harness page (scripts allowed here, not in the report) measures the report laid out in a
# same-sized iframe and writes what it finds into its own DOM for --dump-dom to print.
HARNESS = """<!doctype html><html><body style="margin:0">
<iframe id="f" src="%(src)s" style="border:0;width:%(w)dpx;height:%(h)dpx"></iframe>
<pre id="out"></pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument, w = this.contentWindow, res = {items: [], width: d.documentElement.scrollWidth};
  function seen(el) {
    var r = el.getBoundingClientRect(), s = w.getComputedStyle(el), p = el;
    while (p && p.nodeType === 1) { var ps = w.getComputedStyle(p);
      if (ps.display === 'none' || ps.visibility === 'hidden' || ps.opacity === '0') return null; p = p.parentNode; }
    return {text: el.textContent, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
            width: r.width, height: r.height, color: s.color, fill: s.fill};
  }
  d.querySelectorAll('svg text.name, .flag .kind, .layers, h1').forEach(function (el) {
    var v = seen(el); res.items.push({sel: el.getAttribute('class') || el.tagName, vis: v, text: el.textContent});
  });
  res.chain = Array.prototype.map.call(d.querySelectorAll('svg.chain'), function (el) {
    return {cls: el.getAttribute('class'), shown: w.getComputedStyle(el).display !== 'none'}; });
  document.getElementById('out').textContent = JSON.stringify(res);
});
</script></body></html>"""


def measure(report_file: Path, tmp_path: Path, width: int, height: int) -> dict:
    harness = tmp_path / f"harness-{width}.html"
    harness.write_text(HARNESS % {"src": report_file.as_uri(), "w": width, "h": height})
    dom = chromium(
        tmp_path, "--allow-file-access-from-files", "--virtual-time-budget=5000", "--dump-dom",
        harness.as_uri(), width=width, height=height,
    )
    start = dom.index('<pre id="out">') + len('<pre id="out">')
    raw = dom[start : dom.index("</pre>", start)]
    raw = raw.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert raw, "the harness could not read the report (file access blocked?)"
    return json.loads(raw)


def test_first_screen_shows_chain_layers_and_flags(report_file, tmp_path):
    res = measure(report_file, tmp_path, 1280, 1600)
    shown = {c["cls"]: c["shown"] for c in res["chain"]}
    assert shown == {"chain chain-h": True, "chain chain-v": False}
    visible = [i for i in res["items"] if i["vis"]]
    texts = [i["text"] for i in visible]
    for name in NAMES:
        assert name in texts, name
    for kind in KINDS:
        assert kind in texts, kind
    assert "layers: 3" in texts
    for item in visible:
        v = item["vis"]
        assert v["width"] > 0 and v["height"] > 0, item
        assert 0 <= v["top"] and v["bottom"] <= 1600, f"{item['text']!r} is below the first screen"
        assert 0 <= v["left"] and v["right"] <= 1280, f"{item['text']!r} is cut off"
    assert res["width"] <= 1280


def test_phone_width_uses_the_vertical_chain(report_file, tmp_path):
    res = measure(report_file, tmp_path, 390, 1400)
    shown = {c["cls"]: c["shown"] for c in res["chain"]}
    assert shown == {"chain chain-h": False, "chain chain-v": True}
    names = [i["text"] for i in res["items"] if i["vis"] and i["sel"] == "name"]
    assert names == list(NAMES)
    assert res["width"] <= 390, "the report overflows a phone screen sideways"


def test_screenshot(report_file, tmp_path):
    shot = tmp_path / "report-seed.png"
    chromium(tmp_path, f"--screenshot={shot}", report_file.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 50_000, "the screenshot looks blank"
    if os.environ.get("TRACER_SAVE_SCREENSHOT"):
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copyfile(shot, ROOT / "docs" / "report-seed.png")
