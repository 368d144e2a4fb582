// The HTTP side of the review page: cpp-httplib is included here only.
// What the page does is ReviewDesk's (review_desk.h); the page's own files
// are embedded at build time (page_files.h); pdf.js is read from its
// installed copy.
#include "pipeline/review_server/review_server.h"

#include <httplib.h>

#include <arpa/inet.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "pipeline/review_server/page_files.h"
#include "pipeline/review_server/review_desk.h"
#include "stages/seal/digest.h"

#ifndef REDACT_PDFJS_DIR
#define REDACT_PDFJS_DIR "/usr/share/javascript/pdf"
#endif

namespace redact {

namespace fs = std::filesystem;

std::string ReviewServerOptions::DefaultPdfjsDir() {
  const char* env = std::getenv("REDACT_PDFJS_DIR");
  return env && *env ? env : REDACT_PDFJS_DIR;
}

bool IsLoopbackAddress(const std::string& address) {
  if (address == "localhost") return true;
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, address.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

namespace {

constexpr char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

std::string Hex(const uint8_t* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < size; ++i) {
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 15];
  }
  return hex;
}

// Compares in time that depends on the length only.
bool SameSecret(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// A request path fit for a log line: the routes' own characters only (the
// page's routes hold indexes and file names of pdf.js, never a value).
std::string LoggedPath(const std::string& path) {
  const bool plain = path.size() <= 80 && std::all_of(path.begin(), path.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' || c == '-';
  });
  return plain ? path : "(a path not logged)";
}

std::string ContentTypeFor(const std::string& name) {
  const std::string ext = fs::path(name).extension().string();
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".html") return "text/html; charset=utf-8";
  return "application/octet-stream";
}

// Who may talk to the server: the token, the Host and the Origin checks.
class Gate {
 public:
  Gate(std::string token, const std::string& listen, int port) : token_(std::move(token)) {
    cookie_ = "redact_review_" + std::to_string(port);
    const std::string p = ":" + std::to_string(port);
    hosts_ = {"127.0.0.1" + p, "localhost" + p, "[::1]" + p};
    // The printed URL's host: where the socket listens (any address: the
    // loopback one of its family).
    const std::string host = listen == "0.0.0.0" ? "127.0.0.1" : listen == "::" ? "::1" : listen;
    url_host_ = (host.find(':') != std::string::npos ? "[" + host + "]" : host) + p;
    hosts_.insert(url_host_);
  }
  const std::string& cookie() const { return cookie_; }
  const std::string& token() const { return token_; }
  std::string url() const { return "http://" + url_host_ + "/?token=" + token_; }

  // Why the request is refused, or "" when it may pass.
  std::string Refusal(const httplib::Request& req) const {
    if (!hosts_.contains(req.get_header_value("Host"))) return "foreign Host";
    if (req.has_header("Origin") && !hosts_.contains(StripScheme(req.get_header_value("Origin")))) {
      return "foreign Origin";
    }
    const std::string site = req.get_header_value("Sec-Fetch-Site");
    if (site == "cross-site" || site == "same-site") return "cross-site request";
    if (!HasToken(req)) return "no token";
    if (req.method == "POST" && req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
      return "not JSON";
    }
    return "";
  }

  bool QueryToken(const httplib::Request& req) const {
    return req.has_param("token") && SameSecret(req.get_param_value("token"), token_);
  }

 private:
  static std::string StripScheme(const std::string& origin) {
    return origin.rfind("http://", 0) == 0 ? origin.substr(7) : "";
  }
  bool HasToken(const httplib::Request& req) const {
    if (QueryToken(req)) return true;
    if (req.has_header("X-Redact-Token") && SameSecret(req.get_header_value("X-Redact-Token"), token_)) return true;
    const std::string cookies = req.get_header_value("Cookie");
    const std::string want = cookie_ + "=";
    for (size_t at = 0; at < cookies.size();) {
      size_t end = cookies.find(';', at);
      if (end == std::string::npos) end = cookies.size();
      std::string one = cookies.substr(at, end - at);
      one.erase(0, one.find_first_not_of(' '));
      if (one.rfind(want, 0) == 0 && SameSecret(one.substr(want.size()), token_)) return true;
      at = end + 1;
    }
    return false;
  }

  std::string token_, cookie_, url_host_;
  std::set<std::string> hosts_;
};

void SendStatus(httplib::Response& res, const Status& status) {
  res.status = status.code() == StatusCode::kInvalidArgument ? 400 : 500;
  res.set_content(nlohmann::json{{"error", status.message()}}.dump(), "application/json");
}

// Serves a file of the installed pdf.js under `dir`, by a bare name.
void ServeInstalledFile(const std::string& dir, const std::string& name, httplib::Response& res) {
  std::ifstream in(fs::path(dir) / name, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in) {
    res.status = 404;
    return;
  }
  res.set_content(bytes.str(), ContentTypeFor(name));
}

void RegisterStatic(httplib::Server& server, const Gate& gate, const std::string& pdfjs) {
  server.Get("/", [&gate](const httplib::Request& req, httplib::Response& res) {
    if (gate.QueryToken(req)) {  // the printed URL: keep the token in a cookie, out of the address bar
      res.set_header("Set-Cookie", gate.cookie() + "=" + gate.token() + "; HttpOnly; SameSite=Strict; Path=/");
      res.set_redirect("/", 303);
      return;
    }
    res.set_content(std::string(ReviewPageFile("index.html")), "text/html; charset=utf-8");
  });
  server.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
  server.Get(R"(/page/([a-z_]+\.(js|css)))", [](const httplib::Request& req, httplib::Response& res) {
    const std::string_view file = ReviewPageFile(req.matches[1].str());
    if (file.empty()) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(file), ContentTypeFor(req.matches[1].str()));
  });
  server.Get(R"(/pdfjs/(pdf\.js|pdf\.worker\.js))", [pdfjs](const httplib::Request& req, httplib::Response& res) {
    ServeInstalledFile(pdfjs + "/build", req.matches[1].str(), res);
  });
  server.Get(R"(/pdfjs/(cmaps|standard_fonts)/([A-Za-z0-9_.-]+))",
             [pdfjs](const httplib::Request& req, httplib::Response& res) {
               ServeInstalledFile(pdfjs + "/web/" + req.matches[1].str(), req.matches[2].str(), res);
             });
}

// The page's API: the queue, each document's PDF and findings, Save,
// Preview and where the reviewer is.
using Req = httplib::Request;
using Res = httplib::Response;

void RegisterApi(httplib::Server& server, ReviewDesk& desk, std::mutex& lock, std::ostream& out) {
  auto doc_of = [&desk](const httplib::Request& req, httplib::Response& res) -> std::optional<size_t> {
    const size_t doc = std::stoul(req.matches[1].str());
    if (doc < desk.size()) return doc;
    res.status = 404;
    return std::nullopt;
  };
  auto findings_of = [](const httplib::Request& req, httplib::Response& res) -> std::optional<nlohmann::json> {
    nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_object() && body.contains("findings")) return body["findings"];
    SendStatus(res, Status(StatusCode::kInvalidArgument, "the request holds no findings list"));
    return std::nullopt;
  };
  server.Get("/api/queue", [&desk, &lock](const httplib::Request&, httplib::Response& res) {
    std::lock_guard guard(lock);
    res.set_content(desk.Queue().dump(), "application/json");
  });
  server.Get(R"(/api/doc/(\d{1,6})/findings)", [=, &desk, &lock](const Req& req, Res& res) {
    std::lock_guard guard(lock);
    if (auto doc = doc_of(req, res)) res.set_content(desk.Findings(*doc).dump(), "application/json");
  });
  server.Get(R"(/api/doc/(\d{1,6})/pdf)", [=, &desk, &lock](const Req& req, Res& res) {
    std::lock_guard guard(lock);
    auto doc = doc_of(req, res);
    if (!doc) return;
    StatusOr<std::string> bytes = desk.PdfBytes(*doc);
    if (!bytes) return SendStatus(res, bytes.error());
    res.set_content(*bytes, "application/pdf");
  });
  // Save and Preview: a document and the page's findings list, under the lock.
  auto with_findings = [=, &lock](auto act) {
    return [=, &lock](const Req& req, Res& res) {
      std::lock_guard guard(lock);
      auto doc = doc_of(req, res);
      auto findings = doc ? findings_of(req, res) : std::nullopt;
      if (findings) act(*doc, *findings, res);
    };
  };
  server.Post(R"(/api/doc/(\d{1,6})/save)", with_findings([&desk, &out](size_t doc, const nlohmann::json& f, Res& res) {
    StatusOr<std::string> command = desk.Save(doc, f);
    if (!command) return SendStatus(res, command.error());
    out << "document " << doc + 1 << " saved; apply it with:\n" << *command << std::endl;
    res.set_content(nlohmann::json{{"command", *command}, {"queue", desk.Queue()}}.dump(), "application/json");
  }));
  server.Post(R"(/api/doc/(\d{1,6})/preview)", with_findings([&desk](size_t doc, const nlohmann::json& f, Res& res) {
    StatusOr<std::string> pdf = desk.Preview(doc, f);
    if (!pdf) return SendStatus(res, pdf.error());
    res.set_content(*pdf, "application/pdf");
  }));
  server.Post(R"(/api/doc/(\d{1,6})/current)", [=, &desk, &lock](const Req& req, Res& res) {
    std::lock_guard guard(lock);
    auto doc = doc_of(req, res);
    if (!doc) return;
    if (Status s = desk.SetCurrent(*doc); !s.ok()) return SendStatus(res, s);
    res.set_content("{}", "application/json");
  });
}

void Harden(httplib::Server& server, const Gate& gate, std::ostream& log, std::mutex& log_lock) {
  server.set_default_headers({{"Content-Security-Policy", kCsp},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Cache-Control", "no-store"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Cross-Origin-Opener-Policy", "same-origin"},
                              {"Cross-Origin-Resource-Policy", "same-origin"}});
  server.set_payload_max_length(64u << 20);
  server.set_keep_alive_timeout(1);  // Ctrl-C waits for idle connections no longer than this
  server.set_pre_routing_handler([&gate, &log, &log_lock](const httplib::Request& req, httplib::Response& res) {
    const std::string why = gate.Refusal(req);
    if (why.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_content("403 Forbidden: " + why + "\n", "text/plain");
    std::lock_guard guard(log_lock);
    log << "redact: review page: refused " << req.method << " " << LoggedPath(req.path) << " (" << why << ")\n";
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_logger([&log, &log_lock](const httplib::Request& req, const httplib::Response& res) {
    if (res.status == 403) return;  // said above, with why
    std::lock_guard guard(log_lock);
    log << "redact: review page: " << req.method << " " << LoggedPath(req.path) << " " << res.status << "\n";
  });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(nlohmann::json{{"error", "internal error"}}.dump(), "application/json");
  });
}

}  // namespace

Status ServeReview(const Session& session, OcrContext* ocr, std::vector<ServedDocument> documents,
                   const ReviewServerOptions& options, const std::function<void(const ServerReady&)>& on_ready,
                   const std::atomic<bool>& stop, std::ostream& out, std::ostream& log) {
  if (documents.empty()) return Status(StatusCode::kInvalidArgument, "no document to review");
  if (!fs::exists(fs::path(options.pdfjs_dir) / "build" / "pdf.js")) {
    return Status(StatusCode::kUnsupported, options.pdfjs_dir + "/build/pdf.js: pdf.js is not installed (Debian "
                                            "package: libjs-pdf); the review page needs it");
  }
  StatusOr<ReviewDesk> desk = ReviewDesk::Open(session, ocr, std::move(documents), options);
  if (!desk) return desk.error();
  httplib::Server server;
  // SO_REUSEADDR only: cpp-httplib's default adds SO_REUSEPORT, which lets
  // a second process (of the same user) listen on this port too and take
  // some of the page's requests.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  const int port = options.port == 0 ? server.bind_to_any_port(options.listen)
                                     : (server.bind_to_port(options.listen, options.port) ? options.port : -1);
  if (port <= 0) {
    return Status(StatusCode::kIo, options.listen + ":" + std::to_string(options.port) +
                                       ": cannot listen there (in use, or not an address of this machine)");
  }
  const age::SecureBuffer secret = RandomSecret(32);
  const Gate gate(Hex(secret.data(), 32), options.listen, port);
  std::mutex lock, log_lock;
  Harden(server, gate, log, log_lock);
  RegisterStatic(server, gate, options.pdfjs_dir);
  RegisterApi(server, *desk, lock, out);
  std::atomic<bool> ended = false;
  std::thread serving([&server, &ended] {
    server.listen_after_bind();
    ended = true;
  });
  on_ready({port, gate.url()});
  while (!stop.load() && !ended.load()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server.stop();
  serving.join();
  return Status::Ok();
}

}  // namespace redact
