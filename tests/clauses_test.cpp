// clauses.h: sentences and clauses, the verb frames of data/frames.tsv, what governs a count,
// in both scripts (the Traditional text goes through the t2s converter first).
#include "zhreport/clauses.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhreport/convert.h"
#include "zhreport/numbers.h"

namespace {

std::string simplified(std::string_view traditional) {
  return zhreport::Converter::get(zhreport::Config::t2s).convert(traditional);
}

std::string_view verb_of(const zhreport::FrameHit* hit) {
  return hit ? std::string_view(hit->frame->verb) : std::string_view("(none)");
}

}  // namespace

TEST_CASE("clauses: sentences, clauses, frames and what a clause continues") {
  for (std::string text :
       {std::string("十年来,上海市先后派出10批医疗队共计286名专家,其中医生200名。"
                    "此外,培养骨干30名。"),
        simplified("十年來,上海市先後派出10批醫療隊共計286名專家,其中醫生200名。"
                   "此外,培養骨幹30名。")}) {
    INFO(text);
    zhreport::Reading r = zhreport::read_clauses(text);
    REQUIRE(r.sentences.size() == 2);
    REQUIRE(r.clauses.size() == 5);
    CHECK(r.sentences[1].continues);  // 此外
    const zhreport::Clause& sending = r.clauses[1];
    REQUIRE(sending.end_frame == sending.first_frame + 1);
    CHECK(r.frames[sending.first_frame].frame->verb == "派出");
    CHECK(r.frames[sending.first_frame].frame->persons == zhreport::Persons::experts);
    CHECK(r.frames[sending.first_frame].frame->subject == zhreport::Side::from);
    CHECK(r.clauses[2].continues);  // 其中: inherits 派出
    CHECK(verb_of(zhreport::governing_frame(r, 2, text.find("200"))) == "派出");
    CHECK(verb_of(zhreport::governing_frame(r, 4, text.find("30"))) == "培养");
    CHECK(r.clause_at(text.find("286")) == 1);
    CHECK(r.clause_at(text.size()) == r.clauses.size());
  }
}

TEST_CASE("clauses: a clause opening with a count after a part (其中…) is the next part") {
  for (std::string text :
       {std::string("该院先后选派30名医生驻守当地,其中2人任业务副院长,6人任护士长。"
                    "医院派出30名医生,6人任护士长。"),
        simplified("該院先後選派30名醫生駐守當地,其中2人任業務副院長,6人任護士長。"
                   "醫院派出30名醫生,6人任護士長。")}) {
    INFO(text);
    zhreport::Reading r = zhreport::read_clauses(text);
    size_t six = text.find("6人");
    CHECK(verb_of(zhreport::governing_frame(r, r.clause_at(six), six)) == "选派");
    size_t alone = text.rfind("6人");  // no part before it: no inheritance
    CHECK(zhreport::governing_frame(r, r.clause_at(alone), alone) == nullptr);
  }
}

TEST_CASE(
    "clauses: the later, more specific frame governs; patterns; no inheritance without 其中") {
  for (std::string text :
       {std::string(
            "选派8名医生赴上海进修,接收受援医院医生进修40名。医疗队为40名医务人员进行了培训,"
            "作为专家组成员的6名医生参与。"),
        simplified("選派8名醫生赴上海進修,接收受援醫院醫生進修40名。醫療隊為40名醫務人員進行了培訓,"
                   "作為專家組成員的6名醫生參與。")}) {
    INFO(text);
    zhreport::Reading r = zhreport::read_clauses(text);
    size_t eight = text.find("8名");
    CHECK(verb_of(zhreport::governing_frame(r, r.clause_at(eight), eight)) == "进修");
    size_t forty = text.find("40名");
    const zhreport::FrameHit* hit = zhreport::governing_frame(r, r.clause_at(forty), forty);
    REQUIRE(hit);
    CHECK(hit->frame->verb == "接收");
    CHECK(hit->frame->tail == "进修");
    CHECK(text.substr(hit->tail_start, hit->tail_end - hit->tail_start) == "进修");
    size_t six = text.find("6名");
    CHECK(zhreport::governing_frame(r, r.clause_at(six), six) == nullptr);
  }
}

TEST_CASE("clauses: place markers say a side but govern no count; the frame table is sorted") {
  std::string text = "专家赴拉萨市开展义诊20次。";
  zhreport::Reading r = zhreport::read_clauses(text);
  REQUIRE(r.clauses.size() == 1);
  REQUIRE(r.clauses[0].end_frame == 1);
  CHECK(r.frames[0].frame->place_after == zhreport::Side::to);
  CHECK_FALSE(zhreport::governs_counts(*r.frames[0].frame));
  CHECK(zhreport::governing_frame(r, 0, text.find("20")) == nullptr);
  const auto& frames = zhreport::frames();
  for (size_t i = 1; i < frames.size(); ++i) {
    std::string a = frames[i - 1].verb + frames[i - 1].tail, b = frames[i].verb + frames[i].tail;
    CHECK(a <= b);
  }
}

TEST_CASE("regression: a frames.tsv row the verb-start table left out was never read") {
  // The table keeps one list per first character in a byte, and skips a verb beyond the
  // Basic Multilingual Plane: a row past those limits was dropped without a word. Every row a
  // user adds must be found in a clause of its own.
  for (const zhreport::Frame& f : zhreport::frames()) {
    std::string text = "甲" + f.verb + (f.tail.empty() ? "" : "乙" + f.tail) + "。";
    CAPTURE(text);
    zhreport::Reading r = zhreport::read_clauses(text);
    bool found = std::any_of(r.frames.begin(), r.frames.end(), [&](const zhreport::FrameHit& h) {
      return h.start == std::string_view("甲").size() && h.frame->verb == f.verb;
    });
    CHECK(found);
  }
}

TEST_CASE("clauses: every verb of the table at the end of the text and before more of it") {
  // find_frames compares a verb's bytes after its first character as one word of eight read
  // from the text, where they are no more than eight and eight are left, else one by one: both
  // ways, for every verb; and a verb with its last byte changed is not that verb.
  for (const zhreport::Frame& f : zhreport::frames()) {
    for (std::string after : {"", "。其后还有一段文字"}) {
      for (bool changed : {false, true}) {
        std::string verb = f.verb;
        if (changed) verb.back() = static_cast<char>(verb.back() ^ 1);  // (another character)
        std::string text = "甲" + verb + (f.tail.empty() ? "" : "乙" + f.tail) + after;
        CAPTURE(text);
        zhreport::Reading r = zhreport::read_clauses(text);
        bool found =
            std::any_of(r.frames.begin(), r.frames.end(), [&](const zhreport::FrameHit& h) {
              return h.start == std::string_view("甲").size() && h.frame->verb == f.verb;
            });
        CHECK(found == !changed);
      }
    }
  }
}

TEST_CASE("clauses: marks and verbs among ASCII words and punctuation that mark nothing") {
  // ASCII letters, digits, blanks, “quotes” and — dashes are skipped; , ; : ! ? and the line
  // break are marks wherever they stand, and a verb right after ASCII is still found.
  std::string text = "Team A (2023) “华西”— 派出 12 名专家; B:2 人!C? D\nE派出3名";
  zhreport::Reading r = zhreport::read_clauses(text);
  REQUIRE(r.clauses.size() == 6);
  CHECK(text.substr(r.clauses[0].start, r.clauses[0].end - r.clauses[0].start) ==
        "Team A (2023) “华西”— 派出 12 名专家");
  CHECK(r.sentences.size() == 4);  // ends at !, ? and the line break
  REQUIRE(r.frames.size() == 2);
  CHECK(r.frames[0].start == text.find("派出"));
  CHECK(r.frames[1].start == text.rfind("派出"));
  CHECK(r.clause_at(text.find("D")) == 4);
}

TEST_CASE("clauses: a character that ends like a mark, a numeral or a verb is none of them") {
  // The scan tells most characters by their last two bytes: 䀂 ends as 。 does, 帉 as 三, 紾 as
  // the 派 of 派出 (one lead byte on), wherever they stand (first or second of a pair of
  // characters, after ASCII, near the end of the text).
  const std::string look_alikes = "䀂帉紾";
  for (std::string before : {"", "甲", "a", "ab", "甲a"}) {
    for (std::string after : {"", "乙", "乙丙丁戊己"}) {
      std::string text = before + look_alikes + "派出三人。" + look_alikes + after;
      CAPTURE(text);
      zhreport::Reading r = zhreport::read_clauses(text);
      REQUIRE(r.sentences.size() == 2);
      REQUIRE(r.frames.size() == 1);
      CHECK(r.frames[0].start == text.find("派出"));
      CHECK(r.number_starts == std::vector<size_t>{text.find("三")});
    }
  }
}

TEST_CASE("clauses: a mark, a numeral and verbs right before ASCII") {
  // (a three-byte character before one of another length ends the scan's pair of characters:
  // told there, first or second of its pair, near the end of the text or not)
  for (std::string before : {"", "甲", "甲乙", "a"}) {
    for (std::string after : {"", "乙丙丁戊己庚"}) {
      std::string text = before + "在a三b派出c。d" + after;
      CAPTURE(text);
      zhreport::Reading r = zhreport::read_clauses(text);
      CHECK(r.sentences.size() == 2);
      REQUIRE(r.frames.size() == 2);
      CHECK(r.frames[0].start == text.find("在"));
      CHECK(r.frames[1].start == text.find("派出"));
      CHECK(r.number_starts == std::vector<size_t>{text.find("三")});
    }
  }
}

TEST_CASE("clauses: empty text, text without breaks, and blocks of a document") {
  CHECK(zhreport::read_clauses("").clauses.empty());
  zhreport::Reading r = zhreport::read_clauses("派出专家");
  REQUIRE(r.clauses.size() == 1);
  CHECK(r.sentences[0].end == std::string_view("派出专家").size());
  std::string text = "标题\n来源:医院 阅读数:5\n派出3名专家。";
  zhreport::Document doc = zhreport::analyze_document(text);
  zhreport::Reading blocks = zhreport::read_clauses(text, doc);
  for (const zhreport::Clause& c : blocks.clauses) CHECK(text.substr(c.start, 3) != "来");
}

TEST_CASE("clauses: clause_at finds the clause of every byte, none for the breaks and the page") {
  // long clauses (past a bucket of the index), short ones, lines left out of the reading
  const std::string texts[] = {
      "十年来,上海市先后派出10批医疗队共计286名专家赴当地开展医疗帮扶工作并培训了大批骨干医生,"
      "其中医生200名;护士86名。",
      "标题\n来源:医院 阅读数:5\n派出3名专家,培训,。!\n\n点击:12\n赴县医院坐诊",
      "一,二,三,四,五,六,七,八,九,十,十一,十二,十三,十四,十五,十六,十七,十八,十九,二十,廿一",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    zhreport::Reading r = zhreport::read_clauses(text, zhreport::analyze_document(text));
    for (size_t pos = 0; pos <= text.size() + 70; ++pos) {
      size_t holding = r.clauses.size();
      for (size_t k = 0; k < r.clauses.size(); ++k) {
        if (r.clauses[k].start <= pos && pos < r.clauses[k].end) holding = k;
      }
      CHECK(r.clause_at(pos) == holding);
    }
  }
}

TEST_CASE(
    "clauses: a Reading read into again is the text's own reading, after longer and shorter") {
  // (a batch reads every report into one Reading: nothing of the report before may stay)
  const std::string texts[] = {
      "标题\n来源:医院 阅读数:5\n十年来,上海市先后派出10批医疗队共计286名专家,其中医生200名;"
      "赴县医院开展手术3台。\n\n| 年份 | 人数 |\n与当地医院签订协议,接收5名医生进修。",
      "派出3名专家。",
      "",
      "其中医生200名,护士86名;在 乡镇 培训60人次。",
  };
  zhreport::Reading reused;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      CAPTURE(text);
      zhreport::Document doc = zhreport::analyze_document(text);
      zhreport::Reading fresh = zhreport::read_clauses(text, doc);
      zhreport::read_clauses(text, doc, reused);
      REQUIRE(reused.clauses.size() == fresh.clauses.size());
      for (size_t k = 0; k < fresh.clauses.size(); ++k) {
        const zhreport::Clause &a = reused.clauses[k], &b = fresh.clauses[k];
        CHECK(a.start == b.start);
        CHECK(a.end == b.end);
        CHECK(a.sentence == b.sentence);
        CHECK(a.first_frame == b.first_frame);
        CHECK(a.end_frame == b.end_frame);
        CHECK(a.continues == b.continues);
      }
      REQUIRE(reused.sentences.size() == fresh.sentences.size());
      for (size_t k = 0; k < fresh.sentences.size(); ++k) {
        CHECK(reused.sentences[k].start == fresh.sentences[k].start);
        CHECK(reused.sentences[k].end == fresh.sentences[k].end);
        CHECK(reused.sentences[k].first_clause == fresh.sentences[k].first_clause);
      }
      REQUIRE(reused.frames.size() == fresh.frames.size());
      for (size_t k = 0; k < fresh.frames.size(); ++k) {
        CHECK(reused.frames[k].frame == fresh.frames[k].frame);
        CHECK(reused.frames[k].start == fresh.frames[k].start);
        CHECK(reused.frames[k].tail_end == fresh.frames[k].tail_end);
      }
      CHECK(reused.number_starts == fresh.number_starts);
      CHECK(reused.blocks_with_cell_breaks == fresh.blocks_with_cell_breaks);
      CHECK(reused.first_clause_of_bucket == fresh.first_clause_of_bucket);
      for (size_t pos = 0; pos <= text.size(); ++pos) {
        CHECK(reused.clause_at(pos) == fresh.clause_at(pos));
      }
    }
  }
}

TEST_CASE(
    "clauses: the overrides column of the frame table, and every frame that governs has one") {
  using Named = zhreport::Override::Named;
  struct Row {
    std::string_view verb, tail;
    std::vector<std::pair<std::string_view, Named>> overrides;
  };
  const Row rows[] = {
      {"派出",
       "",
       {{"trainees", Named::either}, {"other", Named::before}, {"other", Named::unnamed}}},
      {"培养", "", {{"experts", Named::any}, {"patients", Named::any}, {"other", Named::unnamed}}},
      {"开展", "手术", {{"other", Named::any}}},
      {"赴", "", {}},
  };
  const auto& frames = zhreport::frames();
  for (const Row& row : rows) {
    INFO(row.verb << "…" << row.tail);
    auto it = std::find_if(frames.begin(), frames.end(), [&](const zhreport::Frame& f) {
      return f.verb == row.verb && f.tail == row.tail;
    });
    REQUIRE(it != frames.end());
    REQUIRE(it->overrides.size() == row.overrides.size());
    for (size_t i = 0; i < row.overrides.size(); ++i) {
      CHECK(it->overrides[i].metric == row.overrides[i].first);
      CHECK(it->overrides[i].named == row.overrides[i].second);
    }
  }
  for (const zhreport::Frame& f : frames) {
    INFO(f.verb << "…" << f.tail);
    CHECK(zhreport::governs_counts(f) == !f.overrides.empty());  // a row of the old 7 columns
  }
}

TEST_CASE("clauses: number_starts lead find_numbers to the numbers a scan of its own finds") {
  // Digits in runs and groups, numerals of both scripts and their financial forms, full-width
  // digits, dates, versions and identifiers skipped whole, ranges, 百分之, 数 after a noun, marks
  // and verbs beside them; read as one block and as the lines of a document.
  const std::string texts[] = {
      "截至2023年底,共派出12批医疗队、约300名专家,接诊3,456人次;1.2.3版,编号123456789012345678901"
      "23456。",
      "十几名医生赴县医院,二三十人在乡镇;三五百台手术,派驻专家１２名,增长百分之三十。",
      "标题:援疆十年\n来源:医院 阅读数:5\n派出3千5百人次,抢救危重病人数十名\n2019-2021年 20～30名",
      "壹佰贰拾叁元,队伍陆续到达,两到三万元,一七二零年,第5、6批。",
  };
  for (const std::string& text : texts) {
    CAPTURE(text);
    for (bool lines : {false, true}) {
      zhreport::Document doc;
      if (lines) {
        doc = zhreport::analyze_document(text);
      } else {
        doc.blocks.push_back({zhreport::BlockKind::paragraph, 0, text.size()});
      }
      zhreport::Reading r = zhreport::read_clauses(text, doc);
      CHECK(std::is_sorted(r.number_starts.begin(), r.number_starts.end()));
      std::vector<zhreport::NumberMatch> scanned, listed;
      for (const zhreport::Block& b : doc.blocks) {
        if (!zhreport::is_countable(b.kind)) continue;
        zhreport::find_numbers(text, b.start, b.end, scanned);
        zhreport::find_numbers(text, b.start, b.end, r.number_starts, listed);
      }
      REQUIRE(listed.size() == scanned.size());
      for (size_t i = 0; i < listed.size(); ++i) {
        CHECK(listed[i].start == scanned[i].start);
        CHECK(listed[i].end == scanned[i].end);
        CHECK(listed[i].qualifier_start == scanned[i].qualifier_start);
        CHECK(listed[i].value == scanned[i].value);
      }
    }
  }
  // the first digit of a run, every numeral character, none of the rest
  zhreport::Reading r = zhreport::read_clauses("派出12名,约三百人");
  CHECK(r.number_starts == std::vector<size_t>{6, 15, 18});
}
