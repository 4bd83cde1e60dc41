// The inbox against what a careless share or a hostile stick leaves in it.

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "bundle_fixture.h"
#include "kiosk/content/bundle.h"
#include "kiosk/ops/inbox.h"
#include "kiosk/ops/inbox_refusals.h"
#include "kiosk/ops/installer.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;
using std::chrono::milliseconds;

namespace {

// Stands in for minisign: a signature file that says "good" is a good signature.
const SignatureCheck kSaysGood = [](const fs::path& bundle, const fs::path& signature) {
  std::ifstream in(signature);
  std::string word;
  in >> word;
  CHECK(bundle.parent_path().filename() == "incoming");  // only ever the copy
  return word == "good" ? std::string() : std::string("the file does not match its signature");
};

struct Inbox {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  Inbox() { fs::create_directories(state.inbox()); }

  fs::path drop(const std::string& name, int version, const std::string& signature = "good") const {
    auto bundle = state.inbox() / name;
    fs::copy_file(KIOSK_TINY_BUNDLE, bundle);
    tamper(bundle, "UPDATE bundle SET version = " + std::to_string(version));
    if (!signature.empty()) std::ofstream(bundle.string() + ".minisig") << signature;
    return bundle;
  }
  InboxReport process(milliseconds settle = milliseconds(0), milliseconds signature_wait = kSignatureWait) const {
    return process_inbox(state, InstallOptions{}, kSaysGood, settle, signature_wait);
  }
  int64_t current_version() const { return kiosk::content::Bundle::open(state.current()).info().version; }
  std::string report_text(const InboxReport& r) const {
    std::string all;
    for (const auto& line : r.set_aside) all += line + "\n";
    for (const auto& i : r.installs) all += i.file.filename().string() + ": " + i.result.message + "\n";
    return all;
  }
};

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("inbox: links, FIFOs, directories and over-long names beside a good bundle are set aside, never thrown") {
  Inbox inbox;
  const auto& in = inbox.state.inbox();
  fs::create_symlink(in / "nowhere", in / "dangling.bundle");
  fs::create_symlink("/etc/shadow", in / "shadow.bundle");
  fs::copy_file(KIOSK_TINY_BUNDLE, in / "loop.bundle");
  fs::create_symlink(in / "loop.bundle.minisig", in / "loop.bundle.minisig");  // a symlink loop
  REQUIRE(::mkfifo((in / "fifo.bundle").c_str(), 0600) == 0);
  fs::create_directory(in / "folder.bundle");
  std::string long_name(250 - 7, 'x');
  long_name += ".bundle";  // 250 bytes: its .minisig name cannot exist
  fs::copy_file(KIOSK_TINY_BUNDLE, in / long_name);
  inbox.drop("good.bundle", 2);

  InboxReport report;
  CHECK_NOTHROW(report = inbox.process());
  auto text = inbox.report_text(report);
  INFO(text);
  CHECK(inbox.current_version() == 2);
  CHECK(contains(text, "dangling.bundle: not a regular file (a symbolic link); set aside as dangling.bundle.refused"));
  CHECK(contains(text, "shadow.bundle: not a regular file (a symbolic link)"));
  CHECK(contains(text, "loop.bundle.minisig: not a regular file (a symbolic link)"));
  CHECK(contains(text, "loop.bundle: its signature is not a regular file"));
  CHECK(contains(text, "fifo.bundle: not a regular file (a FIFO)"));
  CHECK(contains(text, "folder.bundle: not a regular file (a directory)"));
  CHECK(contains(text, "its name leaves no room for its signature's (.minisig) within 255 bytes"));
  for (const char* gone : {"dangling.bundle", "shadow.bundle", "fifo.bundle", "folder.bundle", "good.bundle"})
    CHECK_MESSAGE(!fs::exists(fs::symlink_status(in / gone)), gone);
  CHECK(fs::is_symlink(in / "shadow.bundle.refused"));  // the link itself, never its target
  // Nothing is left to try: a second pass reports nothing new and installs nothing.
  auto again = inbox.process();
  CHECK(again.installs.empty());
  CHECK(again.set_aside.empty());
}

TEST_CASE("inbox: a name with a newline or a terminal escape is logged escaped") {
  Inbox inbox;
  inbox.drop("two\nlines\x1b[2J.bundle", 2, "bad");
  auto report = inbox.process();
  REQUIRE(report.installs.size() == 1);
  CHECK_FALSE(report.installs[0].result.ok);
  for (const auto& line : inbox.state.history_lines(10)) {
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\x1b') == std::string::npos);
    CHECK(contains(line, "two\\nlines\\x1b[2J.bundle"));
  }
  CHECK(inbox.state.history_lines(10).size() == 1);
  auto status = read_status(inbox.state);
  REQUIRE(status.recent_refusals.size() == 1);
  CHECK(contains(status.recent_refusals[0], " two\\nlines\\x1b[2J.bundle: the file does not match its signature"));
}

TEST_CASE("inbox: a hard link is set aside; only a copy is installed") {
  Inbox inbox;
  auto bundle = inbox.drop("a.bundle", 2);
  fs::create_hard_link(bundle, inbox.dir.path / "elsewhere");
  auto report = inbox.process();
  CHECK(contains(inbox.report_text(report), "a.bundle: has other hard links"));
  CHECK_FALSE(fs::exists(inbox.state.current()));
}

TEST_CASE("inbox: a bundle still arriving is not tried until it has settled") {
  Inbox inbox;
  inbox.drop("slow.bundle", 2);
  auto early = inbox.process(milliseconds(60000));
  CHECK(early.installs.empty());
  CHECK(early.set_aside.empty());
  CHECK(early.retry_in > milliseconds(50000));
  CHECK(fs::exists(inbox.state.inbox() / "slow.bundle"));
  auto settled = inbox.process(milliseconds(0));
  REQUIRE(settled.installs.size() == 1);
  CHECK(settled.installs[0].result.ok);
  CHECK(settled.retry_in == milliseconds(0));
}

TEST_CASE("inbox: a refused bundle is tried again when its signature is replaced") {
  Inbox inbox;
  inbox.drop("v2.bundle", 2, "bad");
  auto refused = inbox.process();
  REQUIRE(refused.installs.size() == 1);
  CHECK_FALSE(refused.installs[0].result.ok);
  CHECK(fs::exists(inbox.state.inbox() / "v2.bundle.refused"));
  CHECK(inbox.process().installs.empty());  // not tried again while nothing changes
  ::usleep(20000);                          // a later change time than the refusal's
  std::ofstream(inbox.state.inbox() / "v2.bundle.minisig") << "good";
  auto retried = inbox.process();
  REQUIRE(retried.installs.size() == 1);
  CHECK(retried.installs[0].result.ok);
  CHECK(inbox.current_version() == 2);
}

TEST_CASE("inbox: copies left by an install killed half way are removed at the next pass") {
  Inbox inbox;
  fs::create_directories(inbox.state.incoming());
  std::ofstream(inbox.state.incoming() / "4242.bundle") << "half a copy";
  std::ofstream(inbox.state.incoming() / "4242.bundle.minisig") << "sig";
  inbox.process();
  CHECK(fs::is_empty(inbox.state.incoming()));
}

TEST_CASE("inbox: an inbox that is a symbolic link is not read") {
  Inbox inbox;
  fs::remove(inbox.state.inbox());
  fs::create_directories(inbox.dir.path / "elsewhere");
  fs::copy_file(KIOSK_TINY_BUNDLE, inbox.dir.path / "elsewhere" / "x.bundle");
  fs::create_directory_symlink(inbox.dir.path / "elsewhere", inbox.state.inbox());
  auto report = inbox.process();
  CHECK(report.installs.empty());
  CHECK(contains(inbox.report_text(report), "cannot be read"));
}

TEST_CASE("inbox: a refused bundle whose set-aside name is taken is set aside under another, and not tried again") {
  Inbox inbox;
  inbox.drop("bad.bundle", 2, "bad");
  fs::create_directories(inbox.state.inbox() / "bad.bundle.refused" / "sub");
  auto first = inbox.process();
  REQUIRE(first.installs.size() == 1);
  CHECK(fs::exists(inbox.state.inbox() / "bad.bundle.refused-2"));
  CHECK_FALSE(fs::exists(inbox.state.inbox() / "bad.bundle"));
  std::ofstream(inbox.state.inbox() / "junk") << "x";
  CHECK(inbox.process().installs.empty());
}

namespace {

// The tiny bundle's bytes, for copies written in pieces as a slow share writes them.
std::string tiny_bytes(int version) {
  ScratchDir scratch;
  auto copy = scratch.copy_of_tiny("v.bundle");
  tamper(copy, "UPDATE bundle SET version = " + std::to_string(version));
  std::ifstream in(copy, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void append(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::app | std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("inbox: the signature first, then a bundle whose copy stalls past the settle time, is installed in the end") {
  Inbox inbox;
  const milliseconds settle(200);
  auto bundle = inbox.state.inbox() / "v2.bundle";
  std::ofstream(bundle.string() + ".minisig") << "good";
  CHECK(inbox.process(settle).installs.empty());  // a signature alone: nothing to try
  auto bytes = tiny_bytes(2);
  append(bundle, bytes.substr(0, bytes.size() / 2));
  // While it is being written it is not tried.
  auto early = inbox.process(settle);
  CHECK(early.installs.empty());
  CHECK(early.retry_in > milliseconds(0));
  // The copy stalls for longer than the settle time: the half is tried and refused...
  ::usleep(300000);
  auto half = inbox.process(settle);
  REQUIRE(half.installs.size() == 1);
  CHECK_FALSE(half.installs[0].result.ok);
  CHECK(fs::exists(inbox.state.inbox() / "v2.bundle.refused"));
  // ...then goes on, into the file now named .refused (the writer holds it open).
  append(inbox.state.inbox() / "v2.bundle.refused", bytes.substr(bytes.size() / 2));
  auto resumed = inbox.process(settle);
  CHECK(resumed.installs.empty());  // put back, and given the settle time again
  CHECK(fs::exists(bundle));
  ::usleep(300000);
  auto done = inbox.process(settle);
  REQUIRE(done.installs.size() == 1);
  CHECK_MESSAGE(done.installs[0].result.ok, done.installs[0].result.message);
  CHECK(inbox.current_version() == 2);
}

TEST_CASE("inbox: the bundle first, then its signature written in two goes, is installed in the end") {
  Inbox inbox;
  inbox.drop("v2.bundle", 2, "");
  CHECK(inbox.process().installs.empty());  // no signature yet: it waits, nothing is refused
  CHECK(fs::exists(inbox.state.inbox() / "v2.bundle"));
  // The signature's first bytes, tried as they are (settle 0 stands for a long stall).
  std::ofstream(inbox.state.inbox() / "v2.bundle.minisig") << "goo";
  auto partial = inbox.process();
  REQUIRE(partial.installs.size() == 1);
  CHECK_FALSE(partial.installs[0].result.ok);
  ::usleep(20000);
  append(inbox.state.inbox() / "v2.bundle.minisig", "d");
  auto whole = inbox.process();
  REQUIRE(whole.installs.size() == 1);
  CHECK(whole.installs[0].result.ok);
  CHECK(inbox.current_version() == 2);
}

TEST_CASE("inbox: a bundle whose signature never comes is set aside in the end, and tried when it does come") {
  Inbox inbox;
  inbox.drop("v2.bundle", 2, "");
  auto waiting = inbox.process(milliseconds(0), milliseconds(60000));
  CHECK(waiting.set_aside.empty());
  CHECK(waiting.retry_in > milliseconds(50000));  // the kiosk looks again when the wait is over
  CHECK(fs::exists(inbox.state.inbox() / "v2.bundle"));
  auto late = inbox.process(milliseconds(0), milliseconds(0));
  REQUIRE(late.set_aside.size() == 1);
  CHECK(contains(late.set_aside[0],
                 "no signature (v2.bundle.minisig) arrived within 0 s; it is tried again when one does"));
  CHECK_FALSE(fs::exists(inbox.state.inbox() / "v2.bundle"));
  CHECK(read_status(inbox.state).refused == 1);
  ::usleep(20000);
  std::ofstream(inbox.state.inbox() / "v2.bundle.minisig") << "good";
  auto signed_now = inbox.process();
  REQUIRE(signed_now.installs.size() == 1);
  CHECK(signed_now.installs[0].result.ok);
  CHECK(inbox.current_version() == 2);
}

TEST_CASE("inbox: a bundle still being written with its signature beside it waits, whatever came first") {
  Inbox inbox;
  auto bundle = inbox.drop("v2.bundle", 2);
  append(bundle, "");  // written just now
  auto early = inbox.process(milliseconds(60000));
  CHECK(early.installs.empty());
  CHECK(early.set_aside.empty());
  CHECK(fs::exists(bundle));
  CHECK_FALSE(fs::exists(inbox.state.inbox_refusals()));
}

TEST_CASE("inbox: a refused bundle that nobody touches is not tried again") {
  Inbox inbox;
  inbox.drop("bad.bundle", 2, "bad");
  REQUIRE(inbox.process().installs.size() == 1);
  for (int pass = 0; pass < 3; ++pass) {
    ::usleep(5000);
    CHECK(inbox.process().installs.empty());
  }
  auto summary = refused_summary(inbox.state);
  CHECK(summary.count == 1);
  CHECK(contains(summary.newest, "bad.bundle: the file does not match its signature"));
}

TEST_CASE("inbox: at most the newest refused entries are kept, and status says how many and why") {
  Inbox inbox;
  for (size_t i = 0; i < kRefusedKept + 5; ++i) {
    inbox.drop("bad" + std::to_string(100 + i) + ".bundle", 2, "bad");
    REQUIRE(inbox.process().installs.size() == 1);
    ::usleep(2000);  // distinct change times, so that "oldest" is well defined
  }
  size_t refused = 0, signatures = 0;
  for (const auto& e : fs::directory_iterator(inbox.state.inbox())) {
    auto name = e.path().filename().string();
    if (is_refused_name(name)) ++refused;
    if (name.ends_with(".minisig")) ++signatures;
  }
  CHECK(refused == kRefusedKept);
  CHECK(signatures == kRefusedKept);  // the oldest bundles' signatures went with them
  CHECK_FALSE(fs::exists(inbox.state.inbox() / "bad100.bundle.refused"));
  CHECK(fs::exists(inbox.state.inbox() / "bad124.bundle.refused"));
  auto status = read_status(inbox.state);
  CHECK(status.refused == kRefusedKept);
  CHECK_MESSAGE(contains(status.newest_refusal, "bad124.bundle: the file does not match its signature"),
                status.newest_refusal);
  // Status lists the newest few, newest first.
  REQUIRE(status.recent_refusals.size() == kRefusalsShown);
  CHECK(status.recent_refusals.front() == status.newest_refusal);
  for (size_t i = 0; i < kRefusalsShown; ++i)
    CHECK_MESSAGE(contains(status.recent_refusals[i], "bad" + std::to_string(124 - i) + ".bundle: "),
                  status.recent_refusals[i]);
  CHECK(read_refusals(inbox.state).size() == kRefusedKept);
}

TEST_CASE("inbox: a bundle set aside under a second name is tried again too when its signature is replaced") {
  Inbox inbox;
  inbox.drop("v2.bundle", 2, "bad");
  fs::create_directories(inbox.state.inbox() / "v2.bundle.refused");
  REQUIRE(inbox.process().installs.size() == 1);
  REQUIRE(fs::exists(inbox.state.inbox() / "v2.bundle.refused-2"));
  ::usleep(20000);
  std::ofstream(inbox.state.inbox() / "v2.bundle.minisig", std::ios::trunc) << "good";
  auto retried = inbox.process();
  REQUIRE(retried.installs.size() == 1);
  CHECK(retried.installs[0].result.ok);
  CHECK(inbox.current_version() == 2);
}
