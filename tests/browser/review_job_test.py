#!/usr/bin/env python3
""""All occurrences in this job" on the review page, in a real browser
(issue 20: adding by selection offers this document or this job).

Two documents of one job (two copies of samples/order_libreoffice.pdf):
select the judge's surname in the first and add it for the whole job;
the page says which documents it has not reached yet; save, move on to
the second, where it is applied as the document opens; save; then run the
apply command the page shows for the second document and check with
pdftotext that the surname is gone there too, with the label the reviewer
gave it ("Court 1") drawn in its box. Before this, the page only offered
"all occurrences in this document", and had no label field.

Usage: review_job_test.py REDACT SOURCE_DIR
"""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serving  # noqa: E402
import review_page_test as page  # noqa: E402  (re-runs under Debian's python3 when selenium is missing)

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

check = serving.check


def select_word(driver, word):
    span = page.js(driver, """
      return [...document.querySelectorAll('#pages .textLayer span')].find((s) => s.textContent.includes(arguments[0]));""",
                   word)
    check(span is not None, f"the text layer holds {word}")
    page.js(driver, "arguments[0].scrollIntoView({block: 'center'});", span)
    text = page.js(driver, "return arguments[0].textContent", span)
    at = (text.index(word) + len(word) / 2) / len(text)
    ActionChains(driver).move_to_element_with_offset(span, int(span.size["width"] * (at - 0.5)), 0).double_click().perform()
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "selection-menu").is_displayed())


def save(driver):
    driver.find_element(By.ID, "save").click()
    WebDriverWait(driver, 30).until(lambda d: page.js(d, "return !state.dirty;"))
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "command-box").is_displayed())
    return driver.find_element(By.ID, "command").text


def main():
    redact, source = sys.argv[1], os.path.abspath(sys.argv[2])
    for program, package in [("chromium", "chromium"), ("chromedriver", "chromium-driver"),
                             ("pdftotext", "poppler-utils")]:
        serving.require_program(program, package)
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = os.path.join(tmp, "inputs"), os.path.join(tmp, "review")
        os.makedirs(inputs)
        for name in ["first.pdf", "second.pdf"]:
            shutil.copy(os.path.join(source, "samples", "order_libreoffice.pdf"), os.path.join(inputs, name))
        server = serving.Server(redact, [inputs, "--names", os.path.join(source, "samples", "names.csv"),
                                         "--ocr", "never", "--out", out])
        driver = None
        command = ""
        try:
            driver = page.browser(os.path.join(tmp, "profile"))
            driver.get(server.url)
            page.wait_ready(driver)
            select_word(driver, "Whitfield")
            job = driver.find_element(By.ID, "add-job")
            check(job.is_displayed(), "a job of two documents offers 'all occurrences in this job'")
            job.click()
            check(page.finding_ids(driver, "f.added && f.text.includes('Whitfield')") != [],
                  "the selection is added in this document")
            notice = driver.find_element(By.ID, "job-adds")
            check(notice.is_displayed() and "2" in notice.text, f"the page says which documents wait: {notice.text!r}")
            save(driver)
            ActionChains(driver).send_keys("]").perform()
            WebDriverWait(driver, 30).until(lambda d: page.js(d, "return state.doc === 1 && document.body.dataset.ready === '1';"))
            added = page.finding_ids(driver, "f.added && f.text.includes('Whitfield')")
            check(added != [], "opening the second document applies the job-wide addition")
            check(page.js(driver, "return state.dirty;"), "and marks it unsaved")
            check(not driver.find_element(By.ID, "job-adds").is_displayed(), "no document waits any more")
            # A label of the reviewer's, drawn in the box instead of the policy's.
            driver.find_element(By.CSS_SELECTOR, f'.finding[data-finding="{added[0]}"]').click()
            field = driver.find_element(By.ID, "current-label")
            field.send_keys("Court 1")
            field.send_keys("\ue007")  # Enter commits the change
            check(page.js(driver, f"return byId({added[0]}).label;") == "Court 1", "a finding takes a label")
            command = save(driver)
        finally:
            if driver:
                driver.quit()
            code = server.stop()
        check(code == 0, "Ctrl-C ends the server with 0")
        argv = shlex.split(command)
        check(argv[:2] == ["redact", "apply"] and "second" in command, f"the second document's command: {command}")
        applied = subprocess.run([redact] + argv[1:], capture_output=True, text=True, timeout=120)
        check(applied.returncode == 0, f"the command applies: {applied.stderr.strip()[-300:]}")
        outdir = argv[argv.index("--out") + 1]
        outputs = [os.path.join(outdir, f) for f in os.listdir(outdir) if f.endswith(".pdf")]
        text = subprocess.run(["pdftotext", outputs[0], "-"], capture_output=True, text=True).stdout
        check("Whitfield" not in text and "Margaret" in text, "the surname added for the job is gone from the second")
        check("Court 1" in text, "the reviewer's label is drawn in its box")
    return serving.finish()


if __name__ == "__main__":
    sys.exit(main())
