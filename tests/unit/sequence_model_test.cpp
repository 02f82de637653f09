// The learned labeller: its file format, its decoding constraints, the trainer on a small sample, and the shipped
// entity model on text written for this test (never seen in training).
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <tuple>

#include "article/analyzer.h"
#include "entity_features.h"
#include "entity_model.h"
#include "kinds.h"
#include "perceptron.h"
#include "pipeline.h"
#include "sequence_model.h"

using namespace article::internal;

namespace {
const std::vector<std::string> kLabels = {"O", "B-PER", "I-PER"};
std::uint32_t f(const char* name) { return feature_hash(name); }

// A sentence for the trainer's tests: person names are capitalized words after "ong". In a marked sentence the
// capitalized words are no names, and carry a feature of their own ("only-in-b").
TrainingSequence title_sentence(const std::vector<std::string>& words, bool marked = false) {
  TrainingSequence s;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool cap = words[i][0] >= 'A' && words[i][0] <= 'Z';
    const bool after_title = i > 0 && words[i - 1] == "ong";
    const bool inside = i > 0 && cap && (words[i - 1][0] >= 'A' && words[i - 1][0] <= 'Z');
    for (std::uint32_t id : {feature_mix(feature_hash("w"), feature_hash(words[i])), f(cap ? "cap" : "low"),
                             f(after_title ? "after-title" : "no-title"), f(inside ? "after-cap" : "not-after-cap")})
      s.features.add(id);
    if (marked && cap) s.features.add(f("only-in-b"));
    s.features.end_position();
    s.labels.push_back(!cap || marked ? 0 : (after_title || !inside) ? 1 : 2);
  }
  return s;
}
}  // namespace

TEST_CASE("sequence model: a serialized model loads back and decodes the same", "[model]") {
  std::vector<float> transitions((kLabels.size() + 1) * kLabels.size(), 0.0f);
  std::vector<std::pair<std::uint32_t, std::vector<float>>> features = {
      {f("cap"), {-1.0f, 2.0f, 1.5f}}, {f("low"), {2.0f, -1.0f, -1.0f}}, {f("after-cap"), {0.0f, -0.5f, 1.0f}}};
  const std::string bytes = SequenceModel::serialize(kLabels, transitions, features);
  SequenceModel model;
  REQUIRE(model.load(bytes));
  CHECK(model.labels() == kLabels);
  CHECK(model.feature_count() == 3);
  const SequenceFeatures seq = {{f("low")}, {f("cap")}, {f("cap"), f("after-cap")}, {f("low")}};
  CHECK(model.decode(seq) == std::vector<int>{0, 1, 2, 0});
  // Truncated or foreign bytes are no model, and leave none behind.
  CHECK_FALSE(model.load(bytes.substr(0, bytes.size() - 3)));
  CHECK(model.empty());
  CHECK_FALSE(model.load("not a model"));
  CHECK_FALSE(article::set_entity_model(std::string(100, '\x01')));
  // …and the model registered before stays: names are still found.
  bool person = false;
  for (const auto& e : article::analyze("Tiền đạo Gabriel Jesus ghi bàn.").entities)
    person |= e.type == article::EntityType::kPerson;
  CHECK(person);
}

TEST_CASE("sequence model: decoding never puts I- after O or first", "[model]") {
  // Emissions that favour I-PER everywhere: the best well-formed path starts with B-PER.
  const std::vector<float> emit = {0, 1, 5, 0, 1, 5, 0, 1, 5};
  const std::vector<float> trans(12, 0.0f);
  const std::vector<int> path = viterbi(emit, 3, 3, trans, bio_transitions(kLabels));
  CHECK(path == std::vector<int>{1, 2, 2});
}

TEST_CASE("trainer: the averaged perceptron learns a small sample and generalizes by its features", "[model]") {
  // Person names are capitalized words after "ông"; the words themselves differ between training and test.
  std::vector<TrainingSequence> train = {title_sentence({"ong", "An", "Binh", "noi", "hom", "qua"}),
                                         title_sentence({"hom", "nay", "ong", "Cuong", "den"}),
                                         title_sentence({"ong", "Dung", "Em", "Giang", "va", "ong", "Ha"})};
  AveragedPerceptron untrained(kLabels);
  const TrainingSequence test = title_sentence({"sau", "do", "ong", "Khanh", "Linh", "ve"});
  CHECK(untrained.decode(test.features) != test.labels);
  AveragedPerceptron model(kLabels);
  TrainingOptions options;
  options.epochs = 10;
  options.min_feature_count = 1;
  model.train(train, options);
  CHECK(model.decode(test.features) == test.labels);
  // The written model decodes as the trainer does.
  SequenceModel loaded;
  REQUIRE(loaded.load(model.serialize()));
  CHECK(loaded.decode(test.features) == test.labels);
}

TEST_CASE("trainer: the mean of perceptrons trained with other seeds holds every member's features, averaged",
          "[model]") {
  const std::vector<TrainingSequence> a = {title_sentence({"ong", "An", "Binh", "noi", "hom", "qua"}),
                                           title_sentence({"hom", "nay", "ong", "Cuong", "den"}),
                                           title_sentence({"ong", "Dung", "Em", "Giang", "va", "ong", "Ha"})};
  std::vector<TrainingSequence> b = a;
  b.push_back(title_sentence({"tinh", "Ha", "Giang", "dep"}, true));
  TrainingOptions options;
  options.epochs = 10;
  options.min_feature_count = 1;
  std::vector<AveragedPerceptron> members(2, AveragedPerceptron(kLabels));
  members[0].train(a, options);
  options.seed = 2;
  members[1].train(b, options);
  // A mean of one model twice is that model, weight for weight.
  CHECK(AveragedPerceptron::mean_of({members[0], members[0]}).serialize() == members[0].serialize());
  const AveragedPerceptron mean = AveragedPerceptron::mean_of(members);
  CHECK(mean.serialize() != members[0].serialize());
  CHECK(mean.serialize() != members[1].serialize());
  // The feature only the second member saw is in the mean, with its sign; the first has none of it.
  auto weights_of = [](const AveragedPerceptron& m, const char* feature) {
    SequenceModel loaded;
    REQUIRE(loaded.load(m.serialize()));
    std::int32_t sum[SequenceModel::kMaxLabels] = {};
    const std::uint32_t id = f(feature);
    loaded.add_weights(&id, 1, sum);
    return std::vector<std::int32_t>(sum, sum + 3);
  };
  const std::vector<std::int32_t> in_b = weights_of(members[1], "only-in-b"), in_mean = weights_of(mean, "only-in-b");
  CHECK(weights_of(members[0], "only-in-b") == std::vector<std::int32_t>(3, 0));
  CHECK(in_b != std::vector<std::int32_t>(3, 0));
  for (int y = 0; y < 3; ++y) CHECK((in_mean[y] > 0) == (in_b[y] > 0));
  // Both members read a new sentence right, and so does their mean.
  const TrainingSequence test = title_sentence({"sau", "do", "ong", "Khanh", "Linh", "ve"});
  REQUIRE(members[0].decode(test.features) == test.labels);
  REQUIRE(members[1].decode(test.features) == test.labels);
  CHECK(mean.decode(test.features) == test.labels);
}

namespace {
std::set<std::string> names_of(const article::Analysis& a, const std::string& type) {
  std::set<std::string> out;
  for (const auto& e : a.entities)
    if (article::json_name(e.type) == type) out.insert(e.span.text);
  return out;
}
}  // namespace

TEST_CASE("entity model: foreign people, clubs and places in text written for this test", "[model]") {
  // None of these sentences is in the training data; the names are chosen to be outside the rules' lists.
  const std::string text =
      "Tiền đạo Gabriel Jesus ghi hai bàn giúp Man City thắng Arsenal\n"
      "Huấn luyện viên Pep Guardiola cho biết đội bóng sẽ tập trung cho trận gặp Barcelona tại Tây Ban Nha vào "
      "cuối tuần. Trong khi đó, Công ty Cổ phần Sữa Việt Nam (Vinamilk) công bố lợi nhuận quý ba tăng mạnh.";
  const article::Analysis a = article::analyze(text);
  const auto people = names_of(a, "person"), orgs = names_of(a, "organization"), places = names_of(a, "location");
  CHECK(people.count("Gabriel Jesus") == 1);
  CHECK(people.count("Pep Guardiola") == 1);
  CHECK(orgs.count("Man City") == 1);
  CHECK(places.count("Tây Ban Nha") == 1);
  CHECK(people.count("Man City") == 0);
  CHECK(places.count("Gabriel Jesus") == 0);
  bool company = false;
  for (const std::string& o : orgs) company |= o.rfind("Công ty Cổ phần Sữa Việt Nam", 0) == 0;
  CHECK(company);
  // Roles before a name, for any mention.
  bool coach = false;
  for (const auto& p : a.people)
    if (p.name == "Pep Guardiola")
      for (const auto& r : p.roles) coach |= r.title == "Huấn luyện viên";
  CHECK(coach);
}

namespace {
// The names in a decoded label path, read as EntityTagger reads one: a B- tag and the I- tags of its type.
std::vector<std::tuple<int, int, NameType>> names_in(const EntityModel& model, const std::vector<int>& path,
                                                     int offset) {
  std::vector<std::tuple<int, int, NameType>> names;
  for (int i = 0; i < static_cast<int>(path.size());) {
    if (!model.label_begins[path[i]]) {
      ++i;
      continue;
    }
    const NameType type = model.label_type[path[i]];
    int j = i + 1;
    while (j < static_cast<int>(path.size()) && !model.label_begins[path[j]] && model.label_type[path[j]] == type) ++j;
    if (type != NameType::kNone) names.emplace_back(offset + i, offset + j, type);
    i = j;
  }
  return names;
}

std::string read_text(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
}  // namespace

TEST_CASE("entity tagger: weights summed once per form decode exactly as every feature looked up per token",
          "[model]") {
  const EntityModel* model = entity_model();
  REQUIRE(model != nullptr);
  const std::string sample = read_text(ARTICLE_SAMPLE_FILE);
  REQUIRE(!sample.empty());
  const std::string other =
      "Tiền đạo Gabriel Jesus ghi hai bàn giúp Man City thắng Arsenal. HLV Pep Guardiola nói: “Chúng tôi chơi tốt”.\n"
      "Trong khi đó, UBND TP Hà Nội và Bộ Y tế họp tại quận Ba Đình – Hà Nội, ông Nguyễn Văn An cho biết.";
  // One memo across the documents, as a thread keeps it: the second and third documents reuse forms of the first.
  FormMemo memo;
  std::size_t names = 0;
  for (const std::string* text : {&sample, &other, &sample}) {
    Doc doc;
    REQUIRE(run_until_words(*text, article::Options{}, doc));
    const RuleTags rules = rule_tags(find_entities(doc).list, doc.tokens.size());
    for (FormMemo* with : {static_cast<FormMemo*>(nullptr), &memo}) {
      const EntityFeatureExtractor features(doc, rules, model->clusters, with);
      const EntityTagger tagger(*model, features);
      for (int s = 0; s < static_cast<int>(doc.out.sentences.size()); ++s) {
        const int b = doc.sentence_token_begin(s), e = doc.sentence_token_end(s);
        if (e <= b) continue;
        std::vector<std::tuple<int, int, NameType>> fast;
        for (const NameSpan& n : tagger.window(b, e)) fast.emplace_back(n.begin, n.end, n.type);
        CHECK(fast == names_in(*model, model->labeller.decode(features.sentence(b, e)), b));
        names += fast.size();
      }
    }
  }
  CHECK(memo.size() > 100);  // the memo was filled
  CHECK(names > 50);         // and the documents hold names to find
}

TEST_CASE("organizations: a bracketed abbreviation joins its name, and type words are not the name",
          "[model][quotes]") {
  // Written for this test; the names are outside the rules' lists.
  const std::string text =
      "Lực lượng Phòng vệ Quốc gia Moravia (LPVM) cho biết họ đã bắn hạ hai máy bay không người lái.\n"
      "Theo kênh Radio Boreal, các vụ nổ được nghe thấy ở thủ đô. LPVM khẳng định sẽ tiếp tục tuần tra biên giới.\n"
      "Ông Nguyễn Văn Thạch (58 tuổi, trú tại xã Tân Phú) cho biết gia đình ông đã sơ tán từ tối hôm trước.\n";
  const article::Analysis a = article::analyze(text);
  const article::NamedThing* defined = nullptr;
  for (const auto& o : a.organizations)
    if (o.name == "Lực lượng Phòng vệ Quốc gia Moravia") defined = &o;
  REQUIRE(defined != nullptr);
  CHECK(defined->abbreviation == "LPVM");
  CHECK(defined->mentions.size() == 3);  // the name and both abbreviations
  for (const auto& o : a.organizations) CHECK(o.name != "LPVM");
  // "kênh Radio Boreal" is named "Radio Boreal"; its mention keeps the word as written.
  bool outlet = false;
  for (const auto& o : a.organizations)
    if (o.name == "Radio Boreal") outlet = !o.mentions.empty() && o.mentions[0].text == "kênh Radio Boreal";
  CHECK(outlet);
  // The abbreviation speaks under the name the article spelled out; a bracketed aside between a speaker and
  // the verb does not hide the speaker.
  bool abbreviation_speaker = false, aside_speaker = false;
  for (const auto& q : a.quotes) {
    if (q.cue && q.cue->text == "khẳng định") abbreviation_speaker = q.speaker == "Lực lượng Phòng vệ Quốc gia Moravia";
    if (q.span.text.find("gia đình ông đã sơ tán") == 0) aside_speaker = q.speaker == "Nguyễn Văn Thạch";
  }
  CHECK(abbreviation_speaker);
  CHECK(aside_speaker);
}

TEST_CASE("quotes: a capitalized syllable of a name is not a speech verb", "[quotes]") {
  // "Viết" in "Trần Viết Hoàn" is part of the name, not the verb "viết".
  const article::Analysis a =
      article::analyze("Cử tri Trần Viết Hoàn đề nghị cần xử lý nghiêm minh hơn nữa các trường hợp vi phạm.\n");
  REQUIRE(a.quotes.size() == 1);
  REQUIRE(a.quotes[0].cue);
  CHECK(a.quotes[0].cue->text == "đề nghị");
  CHECK(a.quotes[0].speaker.find("Trần Viết Hoàn") != std::string::npos);
}

TEST_CASE("quotes: a statement before a dash, \"vị này\", \"Theo X\" without its comma, \"Theo báo cáo của X\"",
          "[quotes]") {
  // Written for this test.
  const article::Analysis a = article::analyze(
      "Ông Trần Quang Vinh đến thăm trang trại vào sáng thứ Hai.\n"
      "Sản lượng lúa năm nay sẽ tăng mạnh nhờ giống mới - Bộ trưởng Trần Quang Vinh cho biết.\n"
      "Vị này cũng cho rằng, nông dân cần được hỗ trợ vốn vay nhiều hơn nữa.\n"
      "Theo Bộ trưởng Trần Quang Vinh việc chuyển đổi cây trồng phải đi trước một bước.\n"
      "Theo báo cáo của các Hợp tác xã, diện tích gieo cấy đã vượt kế hoạch đề ra.\n");
  auto quote_starting = [&](const std::string& words) -> const article::Quote* {
    for (const auto& q : a.quotes)
      if (q.span.text.rfind(words, 0) == 0) return &q;
    return nullptr;
  };
  const article::Quote* dash = quote_starting("Sản lượng lúa năm nay");
  REQUIRE(dash != nullptr);
  CHECK(dash->speaker == "Trần Quang Vinh");
  CHECK(dash->span.text.find(" - ") == std::string::npos);  // the statement stops before the dash
  const article::Quote* this_one = quote_starting("nông dân cần được hỗ trợ");
  REQUIRE(this_one != nullptr);
  CHECK(this_one->speaker == "Trần Quang Vinh");
  const article::Quote* no_comma = quote_starting("việc chuyển đổi cây trồng");
  REQUIRE(no_comma != nullptr);
  CHECK(no_comma->speaker == "Trần Quang Vinh");
  const article::Quote* report = quote_starting("diện tích gieo cấy");
  REQUIRE(report != nullptr);
  CHECK(report->speaker == "các Hợp tác xã");
}

TEST_CASE("entity model: the English model is a section of the model file and adds names the rules missed", "[model]") {
  const std::string bytes = read_text(ARTICLE_MODEL_FILE);
  // The section: "AAEN", a 32-bit length, and the English model's own file up to the end.
  std::size_t section = std::string::npos;
  for (std::size_t at = bytes.find("AAEN"); at != std::string::npos; at = bytes.find("AAEN", at + 1)) {
    std::uint32_t length = 0;
    if (at + 8 > bytes.size()) break;
    std::memcpy(&length, bytes.data() + at + 4, 4);
    if (at + 8 + length == bytes.size()) section = at;
  }
  REQUIRE(section != std::string::npos);
  REQUIRE(entity_model(true) != nullptr);
  REQUIRE(entity_model(true) != entity_model(false));

  // Prose the rules read poorly: single capitalized words they cannot type.
  const std::string text =
      "Maria Kowalski grew up in Cheney before moving to Ellensburg. Kowalski now teaches at the Ellensburg Institute "
      "of Music, Prime Minister John Howard told reporters.";
  article::Options english;
  english.language = "en";
  const article::Analysis with_model = article::analyze(text, english);

  // Without the section, English is the rules' alone; the Vietnamese model stays.
  REQUIRE(article::set_entity_model(bytes.substr(0, section)));
  CHECK(entity_model(true) == nullptr);
  CHECK(entity_model(false) != nullptr);
  const article::Analysis rules = article::analyze(text, english);
  // Two capitalized words and nothing else said of them are a person to the rules by default ...
  const std::string club = "Fans threw bottles at Dynamo Moscow players on Saturday.";
  CHECK(names_of(article::analyze(club, english), "person").count("Dynamo Moscow") == 1);
  // A cut section is no model file, and leaves the registered models as they were.
  CHECK_FALSE(article::set_entity_model(bytes.substr(0, bytes.size() - 3)));
  CHECK(entity_model(true) == nullptr);
  REQUIRE(article::set_entity_model(bytes));
  REQUIRE(entity_model(true) != nullptr);

  // ... which the model retypes where it reads the same words as no person (a club, read as a place).
  CHECK(names_of(article::analyze(club, english), "person").count("Dynamo Moscow") == 0);

  // Every name the rules find here stays, with its type; the model adds to them.
  std::size_t rule_names = 0, model_names = 0;
  for (const char* type : {"person", "organization", "location"}) {
    const auto by_rules = names_of(rules, type), by_both = names_of(with_model, type);
    for (const std::string& name : by_rules) CHECK(by_both.count(name) == 1);
    rule_names += by_rules.size();
    model_names += by_both.size();
  }
  CHECK(names_of(rules, "person").count("John Howard") == 1);
  CHECK(model_names > rule_names);
  // A town after "in" or "to" that no gazetteer of ours holds (too small for en_world_cities.txt) is a place the
  // model adds.
  const auto places = names_of(with_model, "location");
  CHECK(names_of(rules, "location").empty());
  CHECK(places.count("Cheney") + places.count("Ellensburg") >= 1);
  // Vietnamese text is the Vietnamese model's, with or without the English section.
  CHECK(names_of(article::analyze("Tiền đạo Gabriel Jesus ghi bàn."), "person").count("Gabriel Jesus") == 1);
}
