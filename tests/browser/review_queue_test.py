#!/usr/bin/env python3
"""The review page's queue (redact review DIR --serve): a folder of inputs
is one queue; where the reviewer was and what was saved survive a restart
(review writes its findings files again, the saved ones are put back), and
a saved list is dropped once its input changes.

Usage: review_queue_test.py REDACT SOURCE_DIR
"""
import http.client
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serving  # noqa: E402

check = serving.check


def call(server, method, path, body=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    conn.request(method, path, body=body, headers={"X-Redact-Token": server.token, "Content-Type": "application/json"})
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, json.loads(data) if data else None


def queue(server):
    return call(server, "GET", "/api/queue")[1]


def main():
    redact, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        inputs, out = os.path.join(tmp, "in"), os.path.join(tmp, "out")
        os.mkdir(inputs)
        for name in ["order_libreoffice.pdf", "notice_ghostscript.pdf"]:
            shutil.copy(os.path.join(source, "samples", name), inputs)
        args = [inputs, "--names", os.path.join(source, "samples", "names.csv"), "--out", out]
        server = serving.Server(redact, args)
        try:
            q = queue(server)
            check(len(q["documents"]) == 2 and q["current"] == 0, "a folder is a queue of its PDFs, from the first")
            found = call(server, "GET", "/api/doc/1/findings")[1]["findings"]
            status, _ = call(server, "POST", "/api/doc/1/save", json.dumps({"findings": found[:2]}))
            check(status == 200, "the second document is saved with two findings")
            check(call(server, "POST", "/api/doc/1/current", "{}")[0] == 200, "the page moves to it")
        finally:
            server.stop()
        server = serving.Server(redact, args)
        try:
            q = queue(server)
            check(q["current"] == 1, "a restart resumes at the document the reviewer was at")
            check(q["documents"][1]["saved"] and q["documents"][1]["findings"] == 2,
                  "and keeps the findings saved before (review wrote them again)")
            check(not q["documents"][0]["saved"], "the other document is not saved")
        finally:
            server.stop()
        # The input changes: what was saved for the old one is not put back.
        second = sorted(os.listdir(inputs))[1]
        shutil.copy(os.path.join(source, "samples", "motion_pdflatex_cm.pdf"), os.path.join(inputs, second))
        server = serving.Server(redact, args)
        try:
            q = queue(server)
            check(not q["documents"][1]["saved"] and q["documents"][1]["findings"] != 2,
                  "a saved list is not put back over another input's")
        finally:
            server.stop()
    return serving.finish()


if __name__ == "__main__":
    sys.exit(main())
