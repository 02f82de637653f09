// article-analyzer [--pretty] [--no-tokens | --tokens none|objects|compact] [--word-spans none|objects|compact]
// [--no-span-text] [--lean] [--words FILE] [--user-words FILE] [--repeat N] [--language vi|en] [--reference-date
// YYYY-MM-DD] [FILE|-] Prints the analysis JSON. Exit code: 0 analysed, 2 unusable input (the JSON still says why), 1
// internal failure or bad usage. No logic here beyond reading the input.
// article-analyzer --jsonl [--jobs N] [FILE|-]: an archive, one JSON object per line (batch.h).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "article/analyzer.h"
#include "batch.h"

namespace {

// Whether the build's compiled copy of the default word list may stand for its text: it exists and is no older
// than the text or than this executable, whose supplement and segmentation conventions decide its entries (the
// build writes it after linking, with the CLI it links). Otherwise the text is read, as it always was. Loading
// the compiled list costs 25 M instructions at start, against 66 M for the text.
bool default_compiled_words_usable() {
  std::error_code error;
  namespace fs = std::filesystem;
  const auto compiled = fs::last_write_time(ARTICLE_ANALYZER_DEFAULT_COMPILED_WORDS, error);
  if (error) return false;
  const auto text = fs::last_write_time(ARTICLE_ANALYZER_DEFAULT_WORDS, error);
  if (error || text > compiled) return false;
  const auto executable = fs::last_write_time("/proc/self/exe", error);  // Linux; elsewhere the text is read
  return !error && executable <= compiled;
}

// A whole file, read in one piece of its size: growing a string by doubling would briefly hold twice the input,
// and reading through stream iterators costs a call per byte (for the 800 kB model file, 4 % of a batch run's
// instructions). What a file without a size (a pipe) holds, or what grew since, is read after.
bool read_file(const std::string& path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  file.seekg(0, std::ios::end);
  const std::streamoff size = file.tellg();
  file.seekg(0, std::ios::beg);
  out.clear();
  if (size > 0) {
    out.resize(static_cast<std::size_t>(size));
    file.read(out.data(), size);
    out.resize(static_cast<std::size_t>(file.gcount()));
  }
  out.append(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  return true;
}

// --tokens/--word-spans: none (an empty list), objects (one object per item, the default) or compact (columns).
bool list_form(const std::string& name, article::ListForm& form) {
  if (name == "none") form = article::ListForm::kOmitted;
  else if (name == "objects") form = article::ListForm::kObjects;
  else if (name == "compact") form = article::ListForm::kColumns;
  else return false;
  return true;
}

int usage() {
  std::cerr << "usage: article-analyzer [--pretty] [--no-tokens | --tokens none|objects|compact] [--word-spans none|objects|compact]\n"
               "                        [--no-span-text] [--lean] [--language auto|vi|en] [--reference-date YYYY-MM-DD]\n"
               "                        [--encoding auto|utf-8|utf-16le|windows-1258] [--words FILE] [--model FILE]\n"
               "                        [--user-words FILE] [FILE|-]\n"
               "       article-analyzer --jsonl [--jobs N] [--no-progress] [the options above] [FILE|-]\n"
               "                        one {\"id\", \"text\", …} per line in, one result line per line out\n"
               "       article-analyzer --schema    the limits and the names of the kinds, as JSON\n"
               "       article-analyzer --compile-words LIST OUT    the word list compiled, which --words and the\n"
               "                        JS package load fastest\n"
               "  --lean: no tokens, no words, spans without their text (as the JS API returns the analysis)\n";
  return 1;
}

// Prints {"runs", "medianMs", "minMs", "maxRssKb"} to stderr: the median of `runs` analyses (analysis and
// JSON rendering, as the wasm module does them) after the warm-up run main() already made.
void report_timing(const std::string& input, const article::Options& options, int runs) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string json = article::to_json(article::analyze(input, options));
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (json.empty()) std::abort();
  }
  std::sort(ms.begin(), ms.end());
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::cerr << "{\"runs\":" << runs << ",\"medianMs\":" << ms[ms.size() / 2] << ",\"minMs\":" << ms.front()
            << ",\"maxRssKb\":" << usage.ru_maxrss << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  // The CLI reads and writes through iostreams only. Synchronized with C stdio, std::cin takes each character
  // through getc and ungetc: in batch mode std::getline was 5 % of the run's time (perf). Unsynchronized,
  // std::cout has a buffer of its own, which batch mode's writer thread fills while the reader thread reads
  // std::cin: cin must not flush cout before each read (the tie), or the two threads race on that buffer.
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  bool pretty = false;
  article::Options options;
  std::string path = "-";
  int repeat = 0;
  // --jsonl: batch mode over JSON Lines, on --jobs N threads (default: every core), with a progress line on
  // stderr unless --no-progress.
  bool jsonl = false, progress = true;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  // --encoding auto|utf-8|utf-16le|utf-16be|windows-1258|windows-1252: how to decode the input. The default,
  // auto, reads files as the page does (UTF-8 is checked and kept as it is; UTF-16, Windows-1258 and other
  // legacy bytes are decoded, with the decode warnings in the result); utf-8 hands the bytes to the analyzer
  // as they are, so that invalid UTF-8 is an error.
  std::string encoding = "auto";
  // --repeat N: time N more analyses after the first and report to stderr (benchmarks)
  // The word list ships beside the binary's sources, and the build compiles it beside the binary
  // (default_compiled_words_usable); --words or ARTICLE_ANALYZER_WORDS point elsewhere.
  std::string words_path =
      std::getenv("ARTICLE_ANALYZER_WORDS") ? std::getenv("ARTICLE_ANALYZER_WORDS") : ARTICLE_ANALYZER_DEFAULT_WORDS;
  // The entity model ships beside the word list; --model or ARTICLE_ANALYZER_MODEL point elsewhere, and
  // --model "" runs the rules alone.
  std::string model_path =
      std::getenv("ARTICLE_ANALYZER_MODEL") ? std::getenv("ARTICLE_ANALYZER_MODEL") : ARTICLE_ANALYZER_DEFAULT_MODEL;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--pretty")
      pretty = true;
    else if (arg == "--no-tokens")
      options.output.tokens = article::ListForm::kOmitted;
    else if (arg == "--tokens" && i + 1 < argc) {
      if (!list_form(argv[++i], options.output.tokens)) return usage();
    } else if (arg == "--word-spans" && i + 1 < argc) {
      if (!list_form(argv[++i], options.output.words)) return usage();
    } else if (arg == "--no-span-text")
      options.output.span_text = false;
    else if (arg == "--lean")  // what the JS API returns unless asked: no tokens, no words, no span text
      options.output = {article::ListForm::kOmitted, article::ListForm::kOmitted, false};
    else if (arg == "--language" && i + 1 < argc)
      options.language = argv[++i];
    else if (arg == "--reference-date" && i + 1 < argc)
      options.reference_date = argv[++i];
    else if (arg == "--encoding" && i + 1 < argc)
      encoding = argv[++i];
    else if (arg == "--jsonl")
      jsonl = true;
    else if (arg == "--jobs" && i + 1 < argc)
      jobs = std::atoi(argv[++i]);
    else if (arg == "--no-progress")
      progress = false;
    else if (arg == "--repeat" && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else if (arg == "--words" && i + 1 < argc)
      words_path = argv[++i];
    else if (arg == "--model" && i + 1 < argc)
      model_path = argv[++i];
    else if (arg == "--user-words" && i + 1 < argc) {
      // The newsroom's own words: one per line, optionally a tab and its type (person, organization,
      // location); '#' starts a comment line. The analyzer checks them (invalid_option).
      std::ifstream file(argv[++i], std::ios::binary);
      if (!file) {
        std::cerr << "article-analyzer: cannot read " << argv[i] << "\n";
        return 1;
      }
      std::string line;
      while (std::getline(file, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        options.words.push_back({line.substr(0, tab), tab == std::string::npos ? std::string() : line.substr(tab + 1)});
      }
    } else if (arg == "--compile-words" && i + 2 < argc) {  // LIST OUT: the list compiled (compile_word_list)
      std::string lines;
      if (!read_file(argv[i + 1], lines)) {
        std::cerr << "article-analyzer: cannot read " << argv[i + 1] << "\n";
        return 1;
      }
      const std::string compiled = article::compile_word_list(lines);
      std::ofstream out(argv[i + 2], std::ios::binary);
      if (compiled.empty() || !out.write(compiled.data(), static_cast<std::streamsize>(compiled.size()))) {
        std::cerr << "article-analyzer: " << (compiled.empty() ? "no usable entry in " : "cannot write ")
                  << (compiled.empty() ? argv[i + 1] : argv[i + 2]) << "\n";
        return 1;
      }
      return 0;
    } else if (arg == "--version") {
      std::cout << article::version() << "\n";
      return 0;
    } else if (arg == "--schema") {  // the limits and the kinds' names (article::schema_json)
      std::cout << article::schema_json() << "\n";
      return 0;
    } else if (arg == "-h" || arg == "--help")
      return usage(), 0;
    else if (!arg.empty() && arg[0] == '-' && arg != "-")
      return usage();
    else
      path = arg;
  }
  if (!words_path.empty()) {
    std::string lines;
    // However the default list was named, its compiled copy stands for it.
    const bool compiled = words_path == ARTICLE_ANALYZER_DEFAULT_WORDS && default_compiled_words_usable() &&
                          read_file(ARTICLE_ANALYZER_DEFAULT_COMPILED_WORDS, lines) && article::set_word_list(lines);
    if (!compiled && (!read_file(words_path, lines) || !article::set_word_list(lines)))
      std::cerr << "article-analyzer: no word list at " << words_path << "; words will be syllables\n";
  }
  if (!model_path.empty()) {
    std::string bytes;
    if (!read_file(model_path, bytes) || !article::set_entity_model(bytes))
      std::cerr << "article-analyzer: no entity model at " << model_path << "; names come from the rules alone\n";
  }
  if (jsonl) {
    article_cli::BatchOptions batch;
    batch.analysis = options;
    batch.jobs = jobs;
    batch.progress = progress;
    if (path == "-") return article_cli::run_batch(std::cin, std::cout, batch);
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << "article-analyzer: cannot read " << path << "\n";
      return 1;
    }
    return article_cli::run_batch(file, std::cout, batch);
  }
  std::string input;
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    input = buffer.str();
  } else if (!read_file(path, input)) {
    std::cerr << "article-analyzer: cannot read " << path << "\n";
    return 1;
  }
  std::vector<article::Message> decode_warnings;
  if (encoding != "utf-8") {
    article::Decoded decoded = article::decode(input, encoding);
    if (decoded.ok) input = std::move(decoded.text);
    decode_warnings = std::move(decoded.warnings);
  }
  if (repeat > 0) {
    (void)article::analyze(input, options);  // the warm-up run
    report_timing(input, options, repeat);
  }
  // Written in pieces as it is rendered, with the tokens straight from the analysis: the document of a large
  // input is many times the input's size.
  const article::Status status = article::analyze_json(
      input, options,
      [](std::string_view piece) { std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size())); },
      pretty ? 2 : -1, decode_warnings);
  std::cout << "\n";
  return static_cast<int>(status);
}
