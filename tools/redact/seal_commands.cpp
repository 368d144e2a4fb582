#include "tools/redact/seal_commands.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "stages/seal/mapping.h"
#include "stages/seal/digest.h"
#include "tools/redact/common.h"
#include "tools/redact/exit_codes.h"

namespace redact::cli {
namespace {

// CSV field quoting (RFC 4180).
std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status AsUsage(const Status& s) { return Status(StatusCode::kInvalidArgument, s.message()); }

}  // namespace

void AddKeygenCommand(CLI::App* app, KeygenOptions* options) {
  CLI::App* cmd = app->add_subcommand("keygen", "Create an age identity for sealed mappings");
  cmd->add_option("-o,--output", options->output,
                  "identity file to create (mode 0600); without it the identity goes to stdout");
  cmd->add_flag("--demo", options->demo, "mark the key as a demo key in the file");
}

int RunKeygen(const KeygenOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.output) {
    // Like age-keygen: the identity on stdout, the recipient on stderr.
    age::X25519Identity id = age::X25519Identity::Generate();
    std::string secret = id.Encode();
    out << "# public key: " << id.Recipient() << "\n" << secret << "\n";
    Wipe(&secret);
    err << "Public key: " << id.Recipient() << "\n";
    return kExitOk;
  }
  auto id = WriteNewIdentityFile(*options.output, options.demo);
  if (!id) return Fail(err, id.error());
  out << id->Recipient() << "\n";
  return kExitOk;
}

void AddUnsealCommand(CLI::App* app, UnsealOptions* options) {
  CLI::App* cmd = app->add_subcommand("unseal", "Open sealed mappings and print them merged");
  cmd->add_option("files", options->files, "sealed mapping files (.age)")->required();
  cmd->add_option("-i,--identity", options->identities, "age identity file (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--passphrase-file", options->passphrase_file, "file holding the passphrase");
  cmd->add_option("--format", options->format, "json or csv")->check(CLI::IsMember({"json", "csv"}));
}

int RunUnseal(const UnsealOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<age::X25519Identity> identities;
  for (const std::string& f : options.identities) {
    auto ids = ReadIdentityFile(f);
    // An identity file that is there but unusable is the command line's fault.
    if (!ids) return Fail(err, ids.error().code() == StatusCode::kNotFound ? ids.error() : AsUsage(ids.error()));
    for (auto& id : *ids) identities.push_back(std::move(id));
  }
  std::optional<age::SecureBuffer> passphrase;
  if (options.passphrase_file) {
    StatusOr<age::SecureBuffer> read = ReadPassphraseFile(*options.passphrase_file);
    if (!read) return Fail(err, read.error());
    passphrase.emplace(std::move(*read));
  }
  if (identities.empty() && !passphrase) {
    return Fail(err, Status(StatusCode::kInvalidArgument, "unseal needs -i IDENTITY or --passphrase-file"));
  }
  std::vector<const age::X25519Identity*> id_ptrs;
  for (const auto& id : identities) id_ptrs.push_back(&id);
  std::vector<const age::SecureBuffer*> pass_ptrs;
  if (passphrase) pass_ptrs.push_back(&*passphrase);
  auto merged = UnsealMappings(options.files, id_ptrs, pass_ptrs);
  if (!merged) {
    // A mapping that cannot be opened with the keys given is damaged,
    // tampered with, or not ours.
    const StatusCode c = merged.error().code();
    return Fail(err, c == StatusCode::kPassword || c == StatusCode::kNotFound
                         ? merged.error()
                         : Status(StatusCode::kDamagedPdf, merged.error().message()));
  }
  if (options.format == "json") {
    out << merged->dump(1) << "\n";
  } else {
    out << "output,page,category,replacement,original,entity\n";
    for (const auto& d : (*merged)["documents"]) {
      for (const auto& e : d["entries"]) {
        out << Csv(d.value("output", "")) << "," << e.value("page", 0) << ","
            << Csv(e.value("category", "")) << "," << Csv(e.value("replacement", "")) << ","
            << Csv(e.value("original", "")) << "," << Csv(e.value("entity", "")) << "\n";
      }
    }
  }
  return kExitOk;
}

}  // namespace redact::cli
