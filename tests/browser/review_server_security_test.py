#!/usr/bin/env python3
"""The review page's locks (redact review --serve; pipeline/review_server/),
checked from outside with Python's own HTTP client and `ss`:

- no token, a wrong token, a foreign Host header, a foreign Origin, a
  cross-site fetch, a POST that is not JSON: 403;
- the printed URL's token sets an HttpOnly, SameSite=Strict cookie;
- every response carries a Content-Security-Policy that loads nothing from
  elsewhere, nosniff and no-store; the page's resources are all the
  server's own and are served;
- it listens on 127.0.0.1 only (ss), and no other address of this machine
  answers; --listen 0.0.0.0 without --allow-remote is refused; no second
  process can listen on its port;
- Save writes the reviewed list (still bound to the input's SHA-256),
  Preview returns a PDF and leaves no temporary folder;
- its log names no identifier or input path; Ctrl-C ends it with 0,
  leaving only the review files and the state file.

Usage: review_server_security_test.py REDACT SOURCE_DIR
"""
import glob
import hashlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serving  # noqa: E402

check = serving.check


def request(port, method, path, headers=None, body=None, host=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host or f"127.0.0.1:{port}")
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    if body is not None:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    return r.status, r.headers, data


def main():
    redact, source = sys.argv[1], sys.argv[2]
    serving.require_program("ss", "iproute2")
    sample = os.path.join(source, "samples", "order_libreoffice.pdf")
    names = os.path.join(source, "samples", "names.csv")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        refused = subprocess.run([redact, "review", sample, "--names", names, "--out", out, "--serve",
                                  "--listen", "0.0.0.0"], capture_output=True, text=True, timeout=60)
        check(refused.returncode != 0 and "--allow-remote" in refused.stderr,
              "--listen 0.0.0.0 without --allow-remote is refused, naming the flag")
        check(not os.path.exists(out), "a refused --listen reviews nothing")
        server = serving.Server(redact, [sample, "--names", names, "--out", out])
        print(f"server ready after {server.ready_after:.2f}s (review included)")
        try:
            check_listening(server.port)
            second = subprocess.run([redact, "review", sample, "--names", names, "--out", os.path.join(tmp, "second"),
                                     "--serve", "--port", str(server.port)], capture_output=True, text=True, timeout=60)
            check(second.returncode != 0 and "cannot listen" in second.stderr,
                  "a second server cannot take the same port (no SO_REUSEPORT)")
            run_checks(server, out)
        finally:
            code = server.stop()
        check(code == 0, f"Ctrl-C ends the server with 0 (got {code})")
        check(any(line.startswith("redact apply") for line in server.out_lines), "Save prints the apply command")
        check_log(server.err, out, sample)
        left = sorted(os.listdir(out))
        check(all(re.search(r"\.(review\.pdf|findings\.json)$", f) or f == "review-state.json" for f in left),
              f"only review files and the state file are left: {left}")
        check(not glob.glob(os.path.join(tempfile.gettempdir(), "redact-preview-*")), "no preview folder is left")
    return serving.finish()


def run_checks(server, out):
    port, token = server.port, server.token
    status, _, _ = request(port, "GET", "/")
    check(status == 403, "GET / without a token: 403")
    status, _, _ = request(port, "GET", "/api/queue")
    check(status == 403, "GET /api/queue without a token: 403")
    status, _, _ = request(port, "GET", "/?token=" + "0" * 64)
    check(status == 403, "a wrong token: 403")
    status, headers, _ = request(port, "GET", f"/?token={token}", host=f"evil.example:{port}")
    check(status == 403, "the right token with a foreign Host (DNS rebinding): 403")
    status, headers, _ = request(port, "GET", f"/?token={token}", host=f"127.0.0.1:{port + 1}")
    check(status == 403, "the right token with another port in Host: 403")
    status, headers, _ = request(port, "GET", f"/?token={token}")
    set_cookie = headers.get("Set-Cookie", "")
    check(status == 303 and headers.get("Location") == "/", "the printed URL redirects to / (token out of the bar)")
    check("HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie and token in set_cookie,
          "the token is kept in an HttpOnly, SameSite=Strict cookie")
    cookie = {"Cookie": set_cookie.split(";")[0]}
    status, headers, page = request(port, "GET", "/", cookie)
    check(status == 200, "GET / with the cookie: 200")
    csp = headers.get("Content-Security-Policy", "")
    check("default-src 'self'" in csp and "http" not in csp and "unsafe" not in csp,
          f"Content-Security-Policy loads nothing from elsewhere: {csp}")
    check(headers.get("X-Content-Type-Options") == "nosniff", "nosniff")
    check(headers.get("Cache-Control") == "no-store", "no-store")
    check_resources(port, cookie, page.decode())
    status, _, _ = request(port, "GET", "/api/queue", {"X-Redact-Token": token})
    check(status == 200, "the token in a header is accepted too")
    check_posts(port, cookie, out)


def check_resources(port, cookie, page):
    refs = re.findall(r'(?:src|href)="([^"]*)"', page)
    check(bool(refs) and all(r.startswith("/") and not r.startswith("//") for r in refs),
          f"every resource of the page is the server's own: {refs}")
    for ref in refs + ["/pdfjs/pdf.worker.js", "/pdfjs/standard_fonts/FoxitSans.pfb", "/pdfjs/cmaps/78-EUC-H.bcmap"]:
        status, headers, body = request(port, "GET", ref, cookie)
        check(status == 200 and body, f"{ref} is served")
        check("Content-Security-Policy" in headers, f"{ref} carries the CSP")
    status, _, _ = request(port, "GET", "/pdfjs/cmaps/..%2F..%2Fbuild%2Fpdf.js", cookie)
    check(status == 404, "no path outside pdf.js's folders")
    app = request(port, "GET", "/page/app.js", cookie)[2].decode()
    check(not re.search(r"https?://", app), "the page's script names no other site")


def check_posts(port, cookie, out):
    findings_path = glob.glob(os.path.join(out, "*.findings.json"))[0]
    before = json.load(open(findings_path))
    kept = before["findings"][1:]
    body = json.dumps({"findings": kept}).encode()
    json_post = dict(cookie, **{"Content-Type": "application/json"})
    for extra, what in [({"Origin": "http://evil.example"}, "a foreign Origin"),
                        ({"Origin": f"http://127.0.0.1:{port + 1}"}, "another port's Origin"),
                        ({"Sec-Fetch-Site": "cross-site"}, "a cross-site fetch"),
                        ({"Content-Type": "text/plain"}, "a POST that is not JSON")]:
        status, _, _ = request(port, "POST", "/api/doc/0/save", dict(json_post, **extra), body)
        check(status == 403, f"Save with {what}: 403")
    check(json.load(open(findings_path)) == before, "refused Saves changed nothing")
    own = dict(json_post, Origin=f"http://127.0.0.1:{port}")
    status, _, answer = request(port, "POST", "/api/doc/0/save", own, body)
    command = json.loads(answer)["command"] if status == 200 else ""
    check("redact apply" in command and "--findings" in command, "Save from the page: 200, the apply command")
    after = json.load(open(findings_path))
    check(len(after["findings"]) == len(before["findings"]) - 1 and after["sha256"] == before["sha256"],
          "the saved file holds the reviewed list, bound to the same input")
    status, _, _ = request(port, "POST", "/api/doc/0/save", own, json.dumps({"findings": [{"page": 99}]}).encode())
    check(status == 400, "a list apply would refuse is refused (400)")
    status, headers, pdf = request(port, "POST", "/api/doc/0/preview", own, body)
    check(status == 200 and pdf.startswith(b"%PDF"), "Preview returns the redacted PDF")


def check_log(log, out, sample):
    values = set()
    for path in glob.glob(os.path.join(out, "*.findings.json")):
        values |= {f["text"] for f in json.load(open(path))["findings"] if len(f.get("text", "")) >= 4}
    leaked = [v for v in values if v in log]
    check(bool(values) and not leaked, f"the log names no finding's value ({len(values)} looked for)")
    check(sample not in log and os.path.basename(sample) not in log, "the log names no input path")
    check("refused" in log, "refusals are logged (without values)")


def check_listening(port):
    listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout
    addresses = re.findall(r"LISTEN\s+\d+\s+\d+\s+(\S+):\d+", listening)
    check(addresses == ["127.0.0.1"], f"listens on 127.0.0.1 only: {addresses}")
    try:
        mine = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    except OSError:
        mine = []
    others = [a for a in mine if ":" not in a and not a.startswith("127.")]
    for address in others:
        try:
            socket.create_connection((address, port), timeout=2).close()
            check(False, f"{address}:{port} does not answer")
        except OSError:
            check(True, f"{address}:{port} does not answer")


if __name__ == "__main__":
    sys.exit(main())
