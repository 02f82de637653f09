// Batch mode: one reader (this thread), N analysing threads, one writer keeping input order. Lines in flight
// (read and not yet written) are bounded, so memory stays a few articles per thread however long the
// archive is.
#include "batch.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace article_cli {

namespace {

using Clock = std::chrono::steady_clock;

struct Line {
  std::size_t index = 0;   // 0-based position among the articles (blank lines are none)
  std::size_t number = 0;  // 1-based line number in the input, for error messages
  std::string text;        // the line as read
};

// A line's fields but `text`, as the start of a JSON object without its closing brace ("{" when none).
std::string passed_through(const nlohmann::json& object) {
  std::string out = "{";
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (it.key() == "text") continue;
    if (out.size() > 1) out += ',';
    out += nlohmann::json(it.key()).dump();
    out += ':';
    out += it.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return out;
}

std::string error_line(std::string head, std::size_t number, const char* code, const std::string& message) {
  if (head.size() > 1) head += ',';
  head += "\"line\":" + std::to_string(number) + ",\"error\":{\"code\":" + nlohmann::json(code).dump() +
          ",\"message\":" + nlohmann::json(message).dump() + "}}";
  return head;
}

struct Analysed {
  std::string output;  // the result line, without its newline
  std::size_t text_bytes = 0;
  bool bad_line = false;
  bool unusable = false;
};

Analysed analyse_line(const Line& line, const article::Options& options) {
  Analysed a;
  const nlohmann::json object = nlohmann::json::parse(line.text, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    a.bad_line = true;
    a.output = error_line("{", line.number, "invalid_line", "The line is not a JSON object.");
    return a;
  }
  std::string head = passed_through(object);
  const auto text = object.find("text");
  if (text == object.end() || !text->is_string()) {
    a.bad_line = true;
    a.output = error_line(std::move(head), line.number, "missing_text", "The line has no \"text\" string to analyse.");
    return a;
  }
  const std::string& utf8 = text->get_ref<const std::string&>();
  a.text_bytes = utf8.size();
  if (head.size() > 1) head += ',';
  head += "\"analysis\":";
  a.output = std::move(head);
  const article::Status status = article::analyze_json(utf8, options, [&a](std::string_view piece) { a.output += piece; });
  a.output += '}';
  a.unusable = status != article::Status::kOk;
  return a;
}

}  // namespace

int run_batch(std::istream& in, std::ostream& out, const BatchOptions& options) {
  const int jobs = std::max(1, options.jobs);
  const std::size_t window = static_cast<std::size_t>(jobs) * 4;  // lines read and not yet written

  std::mutex mutex;
  std::condition_variable work_ready, result_ready, room;
  std::deque<Line> work;
  std::map<std::size_t, Analysed> done;  // finished, waiting for their turn
  std::size_t in_flight = 0;
  bool input_over = false;

  std::vector<std::thread> workers;
  for (int j = 0; j < jobs; ++j)
    workers.emplace_back([&] {
      for (;;) {
        Line line;
        {
          std::unique_lock<std::mutex> lock(mutex);
          work_ready.wait(lock, [&] { return !work.empty() || input_over; });
          if (work.empty()) return;
          line = std::move(work.front());
          work.pop_front();
        }
        Analysed result;
        try {
          result = analyse_line(line, options.analysis);
        } catch (const std::exception& e) {  // out of memory while parsing the line: that line fails, not the run
          result.bad_line = true;
          result.output = error_line("{", line.number, "internal_error", e.what());
        }
        {
          std::lock_guard<std::mutex> lock(mutex);
          done.emplace(line.index, std::move(result));
        }
        result_ready.notify_all();
      }
    });

  // The writer: results in input order, and the progress line.
  std::size_t total = 0;  // lines read; final once input_over
  bool write_failed = false;
  std::thread writer([&] {
    const auto start = Clock::now();
    auto last_report = start;
    const bool terminal = isatty(STDERR_FILENO) != 0;
    std::size_t written = 0, bytes = 0, bad_lines = 0, unusable = 0;
    auto report = [&](bool final) {
      const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
      char line[160];
      std::snprintf(line, sizeof line, "[batch] %zu articles, %.1f articles/s, %.2f MB/s, %zu bad lines, %zu unusable",
                    written, seconds > 0 ? written / seconds : 0.0, seconds > 0 ? bytes / seconds / 1e6 : 0.0, bad_lines,
                    unusable);
      std::cerr << (terminal ? "\r" : "") << line << (final || !terminal ? "\n" : "") << std::flush;
    };
    for (;;) {
      std::optional<Analysed> next;
      {
        std::unique_lock<std::mutex> lock(mutex);
        result_ready.wait_for(lock, std::chrono::seconds(1),
                              [&] { return done.count(written) > 0 || (input_over && written == total); });
        if (const auto it = done.find(written); it != done.end()) {
          next = std::move(it->second);
          done.erase(it);
        } else if (input_over && written == total) {
          break;
        }
      }
      if (next) {
        out << next->output << '\n';
        write_failed = write_failed || !out;
        ++written;
        bytes += next->text_bytes;
        bad_lines += next->bad_line;
        unusable += next->unusable;
        {
          std::lock_guard<std::mutex> lock(mutex);
          --in_flight;
        }
        room.notify_one();
      }
      if (options.progress && Clock::now() - last_report >= std::chrono::seconds(terminal ? 1 : 10)) {
        report(false);
        last_report = Clock::now();
      }
    }
    out.flush();
    if (options.progress) report(true);
  });

  std::string text;
  std::size_t index = 0, number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();           // CRLF lines
    if (text.find_first_not_of(" \t") == std::string::npos) continue;  // a blank line is no article
    std::unique_lock<std::mutex> lock(mutex);
    room.wait(lock, [&] { return in_flight < window; });
    ++in_flight;
    ++total;
    work.push_back({index++, number, std::move(text)});
    lock.unlock();
    work_ready.notify_one();
    text.clear();
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    input_over = true;
  }
  work_ready.notify_all();
  result_ready.notify_all();
  for (std::thread& w : workers) w.join();
  result_ready.notify_all();
  writer.join();
  return write_failed ? 1 : 0;
}

}  // namespace article_cli
