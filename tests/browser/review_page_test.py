#!/usr/bin/env python3
"""The review page in a real browser (Chromium headless through Debian's
chromium-driver and python3-selenium), as a reviewer uses it, judged by
tools no one here wrote (pdftotext, pdftoppm):

load samples/scans/mixed_order_and_scan.pdf (a text page and a scanned
page, which the pipeline flags), reject one finding (keyboard), reject
every finding of one person (side list), add a name by selecting it in the
text layer ("all occurrences"), draw an area over the scanned picture,
Save, Preview; then run the `redact apply --findings` command the page shows and
check the output: the rejected text is there, the added name is gone, the
drawn area's pixels are burned. Also: every resource the page loaded came
from the server, and a screenshot of the page is written.

Usage: review_page_test.py REDACT SOURCE_DIR SCREENSHOT.png
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serving  # noqa: E402

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    # Debian's python3-selenium is for Debian's python3.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    serving.missing("the Python module selenium", "python3-selenium")

check = serving.check


def browser(profile):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}", "--window-size=1500,1000", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def finding_ids(driver, condition):
    return js(driver, f"return state.findings.filter((f) => {condition}).map((f) => f.id);")


def wait_ready(driver):
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")


def review(driver, server):
    driver.get(server.url)
    wait_ready(driver)
    check("token=" not in driver.current_url, "the token leaves the address bar")
    outlines = driver.find_elements(By.CSS_SELECTOR, ".finding[data-finding]")
    check(len(outlines) >= 5, f"findings are outlined ({len(outlines)} outlines with data-finding)")
    check(driver.find_elements(By.CSS_SELECTOR, '.page.attention[data-page="2"]') != [],
          "the unread scanned page is marked")
    check("page 2" in driver.find_element(By.ID, "attention-list").text, "and listed first")
    # One finding, rejected with the keyboard.
    receipt = finding_ids(driver, "f.text.includes('EAC2190012345')")
    check(len(receipt) == 1, "the receipt number is a finding")
    driver.find_element(By.CSS_SELECTOR, f'.finding[data-finding="{receipt[0]}"]').click()
    title = driver.find_element(By.CSS_SELECTOR, f'.finding[data-finding="{receipt[0]}"]').get_attribute("title")
    check("why:" in title and "rule" in title, f"an outline says its id, category, rule and why: {title!r}")
    ActionChains(driver).send_keys("r").perform()
    check(js(driver, f"return state.findings.find((f) => f.id === {receipt[0]}).decision") == "rejected",
          "r rejects the selected finding")
    # Every finding of one person, from the side list.
    person = driver.find_element(By.CSS_SELECTOR, '#entities li[data-entity="CM-002"]')
    person.find_element(By.XPATH, ".//button[text()='Reject all']").click()
    left = finding_ids(driver, "f.entity === 'CM-002' && f.decision !== 'rejected'")
    check(finding_ids(driver, "f.entity === 'CM-002'") != [] and left == [], "Reject all rejects a whole person")
    add_by_selection(driver)
    draw_area(driver)
    driver.find_element(By.CSS_SELECTOR, ".page[data-page='1']").location_once_scrolled_into_view
    driver.find_element(By.ID, "save").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "command-box").is_displayed())
    return driver.find_element(By.ID, "command").text


def add_by_selection(driver):
    """Double-clicks the judge's surname in pdf.js's text layer (a word
    selection, as a reviewer makes one), then "all occurrences"."""
    span = js(driver, """
      return [...document.querySelectorAll('#pages .textLayer span')].find((s) => s.textContent.includes('Whitfield'));""")
    check(span is not None, "the text layer holds the judge's name")
    js(driver, "arguments[0].scrollIntoView({block: 'center'});", span)
    text = js(driver, "return arguments[0].textContent", span)
    at = (text.index("Whitfield") + 4) / len(text)
    width = span.size["width"]
    ActionChains(driver).move_to_element_with_offset(span, int(width * (at - 0.5)), 0).double_click().perform()
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "selection-menu").is_displayed())
    check("Whitfield" in driver.find_element(By.ID, "selection-text").text, "selecting text offers to add it")
    driver.find_element(By.ID, "add-all").click()
    added = finding_ids(driver, "f.added && f.text.includes('Whitfield')")
    check(len(added) >= 1, f"the selection became {len(added)} finding(s)")


def draw_area(driver):
    """Draws an area over the middle of the scanned page (a picture)."""
    driver.find_element(By.ID, "draw").click()
    layer = driver.find_element(By.CSS_SELECTOR, '.draw-layer[data-page="2"]')
    js(driver, "arguments[0].scrollIntoView({block: 'center'});", layer)
    ActionChains(driver).move_to_element_with_offset(layer, -250, -300).click_and_hold() \
        .move_by_offset(250, 120).move_by_offset(250, 120).release().perform()
    ActionChains(driver).send_keys("\ue00c").perform()  # Esc ends drawing
    areas = js(driver, "return state.findings.filter((f) => f.added && f.rule === 'area' && f.page === 2)"
                       ".map((f) => f.boxes[0]);")
    check(len(areas) == 1, f"the drawn area is a finding on page 2: {areas}")
    return areas


def resources_are_own(driver, origin):
    urls = js(driver, "return performance.getEntriesByType('resource').map((e) => e.name);")
    foreign = [u for u in urls if not u.startswith(origin + "/")]
    check(urls and not foreign, f"all {len(urls)} resources came from the server {foreign}")
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check(not errors, f"the page ran under its Content-Security-Policy without an error: {errors}")


def gray_pixels(pdf, page, dpi, prefix):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), pdf, prefix], check=True)
    path = [p for p in os.listdir(os.path.dirname(prefix)) if p.startswith(os.path.basename(prefix))][0]
    data = open(os.path.join(os.path.dirname(prefix), path), "rb").read()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    width, height = int(header.group(1)), int(header.group(2))
    return width, height, data[header.end():]


def area_pixels(pdf, box, tmp, name):
    dpi = 36  # half a point per pixel
    width, _, pixels = gray_pixels(pdf, 2, dpi, os.path.join(tmp, name))
    k = dpi / 72
    x0, y0, x1, y1 = (int(box[0] * k) + 2, int(box[1] * k) + 2, int(box[2] * k) - 2, int(box[3] * k) - 2)
    return [pixels[y * width + x] for y in range(y0, y1) for x in range(x0, x1)]


def check_output(command, redact, source, tmp, area):
    argv = shlex.split(command)
    check(argv[:2] == ["redact", "apply"] and "--findings" in argv, f"the page shows the apply command: {command}")
    applied = subprocess.run([redact] + argv[1:], capture_output=True, text=True, cwd=source, timeout=120)
    check(applied.returncode == 0, f"the command applies the reviewed findings: {applied.stderr.strip()[-300:]}")
    out = argv[argv.index("--out") + 1]
    outputs = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")]
    text = subprocess.run(["pdftotext", outputs[0], "-"], capture_output=True, text=True).stdout
    check("EAC2190012345" in text, "the rejected finding's text is in the output")
    check("Peña Ortiz" in text, "the rejected person's name is in the output")
    judge = re.search(r"Margaret L\.(.*)", text)
    check(judge and not re.search(r"[A-Za-z]", judge.group(1)),
          f"the name added by selection is gone, every letter: {judge.group(0) if judge else text!r}")
    check("Hernández-Núñez" not in text, "what was kept is still removed")
    before = area_pixels(os.path.join(source, "samples/scans/mixed_order_and_scan.pdf"), area, tmp, "before")
    after = area_pixels(outputs[0], area, tmp, "after")
    check(len(set(before)) > 2, "the drawn area covers part of the picture")
    check(len(set(after)) <= 2, f"the drawn area's pixels are burned ({len(set(after))} grey levels left)")


def main():
    redact, source, screenshot = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    for program, package in [("chromium", "chromium"), ("chromedriver", "chromium-driver"),
                             ("pdftotext", "poppler-utils"), ("pdftoppm", "poppler-utils")]:
        serving.require_program(program, package)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "review")
        server = serving.Server(redact, ["samples/scans/mixed_order_and_scan.pdf", "--names", "samples/names.csv",
                                         "--ocr", "never", "--out", out], cwd=source)
        print(f"server ready after {server.ready_after:.2f}s (review included)")
        driver = None
        try:
            driver = browser(os.path.join(tmp, "profile"))
            command = review(driver, server)
            area = js(driver, "return state.findings.find((f) => f.added && f.rule === 'area').boxes[0];")
            driver.save_screenshot(screenshot)
            driver.find_element(By.ID, "preview").click()
            WebDriverWait(driver, 60).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#preview-pane .page")) == 2)
            check(True, "Preview shows the redacted pages beside the originals")
            resources_are_own(driver, f"http://127.0.0.1:{server.port}")
        finally:
            if driver:
                driver.quit()
            code = server.stop()
        check(code == 0, "Ctrl-C ends the server with 0")
        check_output(command, redact, source, tmp, area)
    print(f"browser test took {time.monotonic() - started:.1f}s")
    return serving.finish()


if __name__ == "__main__":
    sys.exit(main())
