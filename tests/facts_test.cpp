// facts.h: each reading rule and each non-count, on sentences written for this test, in both
// scripts (the Traditional one goes through the t2s converter first, as the pipeline does).
#include "zhreport/facts.h"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "facts_lexicon.h"
#include "utf8.h"
#include "zhreport/convert.h"
#include "zhreport/pipeline.h"
#include "zhreport/places.h"

namespace {

struct ExpectedFact {
  std::string_view metric;
  double value;
  std::string_view qualifier;
  std::string_view unit;
};

struct Case {
  std::string_view rule;
  std::string_view simplified;
  std::string_view traditional;
  std::vector<ExpectedFact> facts;
};

const std::vector<Case> kCases = {
    {"noun after classifier",
     "医院先后派出12名医疗专家。",
     "醫院先後派出12名醫療專家。",
     {{"experts", 12, "exact", "名"}}},
    {"cue before the number",
     "累计完成手术860台次。",
     "累計完成手術860臺次。",
     {{"surgeries", 860, "exact", "台次"}}},
    {"blank and 余 between number and classifier",
     "抢救危重患者1200 余名。",
     "搶救危重患者1200 餘名。",
     {{"patients", 1200, "more_than", "名"}}},
    {"blank on both sides of the number",
     "完成手术 538 台次,培训 2000 余人次。",
     "完成手術 538 臺次,培訓 2000 餘人次。",
     {{"surgeries", 538, "exact", "台次"}, {"training_attendances", 2000, "more_than", "人次"}}},
    {"elided noun inherits the earlier count's",
     "共派出120名专家,其中内科45名。",
     "共派出120名專家,其中內科45名。",
     {{"experts", 120, "exact", "名"}, {"experts", 45, "exact", "名"}}},
    {"an elided noun does not inherit across a sentence end",
     "共派出120名专家。内科45名。",
     "共派出120名專家。內科45名。",
     {{"experts", 120, "exact", "名"}, {"other", 45, "exact", "名"}}},
    {"the parts of a breakdown after 其中 are all of the whole's metric",
     "该院先后选派30名医生驻守当地,其中2人任业务副院长,6人任护士长。",
     "該院先後選派30名醫生駐守當地,其中2人任業務副院長,6人任護士長。",
     {{"experts", 30, "exact", "名"},
      {"experts", 2, "exact", "人"},
      {"experts", 6, "exact", "人"}}},
    {"persons stationed (驻点, 常驻) are experts sent",
     "两年来共抽调业务骨干24人,长期有5至6人驻点,另有3人常驻乡镇。",
     "兩年來共抽調業務骨幹24人,長期有5至6人駐點,另有3人常駐鄉鎮。",
     {{"experts", 24, "exact", "人"},
      {"experts", 5, "exact", "人"},
      {"experts", 3, "exact", "人"}}},
    {"regression: an elided part inherits across the end of the sentence it continues (其中)",
     "此次共派出专家30名,涉及骨科等8个专业。其中,赴城关医院12名,赴新区医院18名。",
     "此次共派出專家30名,涉及骨科等8個專業。其中,赴城關醫院12名,赴新區醫院18名。",
     {{"experts", 30, "exact", "名"},
      {"other", 8, "exact", "个"},
      {"experts", 12, "exact", "名"},
      {"experts", 18, "exact", "名"}}},
    {"regression: a compound noun counts its head (中心卫生院 are 卫生院, not 中心)",
     "帮助辖区6个中心卫生院建成胸痛中心2个。",
     "幫助轄區6個中心衛生院建成胸痛中心2個。",
     {{"hospitals", 6, "exact", "个"}, {"specialties", 2, "exact", "个"}}},
    {"regression: a rate word does not divide the count of the place the persons go to",
     "医院每月派出8名医生到辖区的6家卫生院坐诊。",
     "醫院每月派出8名醫生到轄區的6家衛生院坐診。",
     {{"experts", 8, "exact", "名"}, {"hospitals", 6, "exact", "家"}}},
    {"a rate word still divides a place count with no count before the place",
     "每名专家每周到3家卫生院坐诊。",
     "每名專家每週到3家衛生院坐診。",
     {}},
    {"regression: a count inside quotes counts no noun after the closing quote",
     "医院以“三个加强”推进医联体建设。",
     "醫院以“三個加強”推進醫聯體建設。",
     {{"other", 3, "exact", "个"}}},
    {"regression: persons organized (组织) to go out are sent",
     "医共体组织内科、外科等科室的30名医生,与全县12个村卫生室结对。",
     "醫共體組織內科、外科等科室的30名醫生,與全縣12個村衛生室結對。",
     {{"experts", 30, "exact", "名"}, {"hospitals", 12, "exact", "个"}}},
    {"regression: 病人数十名 is 病人 and a vague count, not 人数 and 十",
     "医疗队抢救危重病人数十名。",
     "醫療隊搶救危重病人數十名。",
     {{"patients", 20, "vague", "名"}}},
    {"regression: departments built together (共建) are specialties",
     "两院共建的心内科、呼吸科2个科室已通过评审。",
     "兩院共建的心內科、呼吸科2個科室已通過評審。",
     {{"specialties", 2, "exact", "个"}}},
    {"coordinated counts",
     "派驻3名挂职副院长和17名专家。",
     "派駐3名掛職副院長和17名專家。",
     {{"experts", 3, "exact", "名"}, {"experts", 17, "exact", "名"}}},
    {"prefix qualifiers",
     "诊治患者约2万人次,培训基层医生近800人次,接诊群众超过3000人次,受益群众达5600人次。",
     "診治患者約2萬人次,培訓基層醫生近800人次,接診羣衆超過3000人次,受益羣衆達5600人次。",
     {{"patients", 20000, "about", "人次"},
      {"training_attendances", 800, "nearly", "人次"},
      {"patients", 3000, "more_than", "人次"},
      {"patients", 5600, "exact", "人次"}}},
    {"qualifiers after the classifier",
     "培养本地骨干50名以上,带教学员30名左右。",
     "培養本地骨幹50名以上,帶教學員30名左右。",
     {{"trainees", 50, "more_than", "名"}, {"trainees", 30, "about", "名"}}},
    {"money in yuan",
     "捐赠设备价值35万元,发放药品价值2600元,投入资金10余万元。",
     "捐贈設備價值35萬元,發放藥品價值2600元,投入資金10餘萬元。",
     {{"money", 350000, "exact", "元"},
      {"money", 2600, "exact", "元"},
      {"money", 100000, "more_than", "元"}}},
    {"foreign money is no yuan, and no rate is known: not read as money (zhstats sums money)",
     "使馆转交价值8万美元的呼吸机,另有3万欧元的药品,捐赠药品价值50万元。",
     "使館轉交價值8萬美元的呼吸機,另有3萬歐元的藥品,捐贈藥品價值50萬元。",
     {{"money", 500000, "exact", "元"}}},
    {"vague count",
     "培养了数十名医务人员。",
     "培養了數十名醫務人員。",
     {{"trainees", 20, "vague", "名"}}},
    {"after cue later in the clause",
     "有6位医生参加了心内科进修。",
     "有6位醫生參加了心內科進修。",
     {{"trainees", 6, "exact", "位"}}},
    {"doctors who can now operate on their own (独立开展, after) were trained: trainees, not "
     "the members of the team the sentence opens with",
     "医疗队在当地医院建立了腔镜培训中心,已有12名当地医生能独立开展腹腔镜手术。",
     "醫療隊在當地醫院建立了腔鏡培訓中心,已有12名當地醫生能獨立開展腹腔鏡手術。",
     {{"trainees", 12, "exact", "名"}}},
    {"counts of no metric are other",
     "覆盖12个临床科室,辐射5省2区3县。",
     "覆蓋12個臨牀科室,輻射5省2區3縣。",
     {{"other", 12, "exact", "个"},
      {"other", 5, "exact", "省"},
      {"other", 2, "exact", "区"},
      {"other", 3, "exact", "县"}}},
    {"a noun of no metric stops the search",
     "8位负责人出席会议。",
     "8位負責人出席會議。",
     {{"other", 8, "exact", "位"}}},
    {"teams",
     "先后选派8批医疗队,累计派出专家团6批。",
     "先後選派8批醫療隊,累計派出專家團6批。",
     {{"teams", 8, "exact", "批"}, {"teams", 6, "exact", "批"}}},
    {"hospitals",
     "帮扶4家县级医院和3所乡镇卫生院。",
     "幫扶4家縣級醫院和3所鄉鎮衛生院。",
     {{"hospitals", 4, "exact", "家"}, {"hospitals", 3, "exact", "所"}}},
    {"free clinics and patients of free clinics",
     "开展义诊活动12次,义诊群众900余人。",
     "開展義診活動12次,義診羣衆900餘人。",
     {{"clinics_free", 12, "exact", "次"}, {"patients", 900, "more_than", "人"}}},
    {"papers specialties consultations teaching",
     "发表论文6篇,建成3个重点专科,开展远程会诊210次,举办专题讲座24场。",
     "發表論文6篇,建成3個重點專科,開展遠程會診210次,舉辦專題講座24場。",
     {{"papers", 6, "exact", "篇"},
      {"specialties", 3, "exact", "个"},
      {"consultations", 210, "exact", "次"},
      {"teaching_sessions", 24, "exact", "场"}}},
    {"new techniques and the elided 项",
     "开展新技术、新项目35项,其中12项填补省内空白。",
     "開展新技術、新項目35項,其中12項填補省內空白。",
     {{"new_techniques", 35, "exact", "项"}, {"new_techniques", 12, "exact", "项"}}},
    {"new techniques told by what is new about them (首次开展)",
     "医疗队推广微创新技术8项,其中3项在州内属首次开展。",
     "醫療隊推廣微創新技術8項,其中3項在州內屬首次開展。",
     {{"new_techniques", 8, "exact", "项"}, {"new_techniques", 3, "exact", "项"}}},
    {"cues after the count: patients served, free clinics held",
     "医疗队先后3次赴海岛巡诊,为800多名渔民提供诊疗。",
     "醫療隊先後3次赴海島巡診,為800多名漁民提供診療。",
     {{"clinics_free", 3, "exact", "次"}, {"patients", 800, "more_than", "名"}}},
    {"departments built, surgical techniques newly done",
     "专家帮助建起了卒中中心和康复科2个科室,新开展手术术式15种。",
     "專家幫助建起了卒中中心和康復科2個科室,新開展手術術式15種。",
     {{"specialties", 2, "exact", "个"}, {"new_techniques", 15, "exact", "种"}}},
    {"Chinese numerals",
     "派出三十名专家,两支医疗队。",
     "派出三十名專家,兩支醫療隊。",
     {{"experts", 30, "exact", "名"}, {"teams", 2, "exact", "支"}}},
    {"regression: 科室 before a number is no hospital; built, they are specialties",
     "帮助受援医院新建科室3个,新开设儿科、眼科等科室2个,院内现有科室20个。",
     "幫助受援醫院新建科室3個,新開設兒科、眼科等科室2個,院內現有科室20個。",
     {{"specialties", 3, "exact", "个"},
      {"specialties", 2, "exact", "个"},
      {"other", 20, "exact", "个"}}},
    {"regression: 批次 is a classifier, not a word that ends the count",
     "共派出9批次医疗队。",
     "共派出9批次醫療隊。",
     {{"teams", 9, "exact", "批次"}}},
    {"regression: 党员 who study are no trainees",
     "组织200名党员学习。",
     "組織200名黨員學習。",
     {{"other", 200, "exact", "名"}}},
    {"trainees paired with mentors",
     "结对帮扶本地医生20名。",
     "結對幫扶本地醫生20名。",
     {{"trainees", 20, "exact", "名"}}},
    {"rates are no counts",
     "平均每天接诊患者60余人,每名专家带教2名学员,共派出12名专家。",
     "平均每天接診患者60餘人,每名專家帶教2名學員,共派出12名專家。",
     {{"experts", 12, "exact", "名"}}},
    {"rates are no counts: 均 inside the average word, after digits and Latin letters",
     "2023年CT检查人均30人次,每周派出2名专家。",
     "2023年CT檢查人均30人次,每週派出2名專家。",
     {{"experts", 2, "exact", "名"}}},
    {"regression: an average of a measure (平均海拔3500米) made the clause's count an average",
     "在平均海拔3500米的县城完成手术260余台,平均派驻4人。",
     "在平均海拔3500米的縣城完成手術260餘臺,平均派駐4人。",
     {{"surgeries", 260, "more_than", "台"}}},
    {"the counted noun ends where a predicate starts",
     "3台设备为手术提供保障,5名首都医疗专家参与。",
     "3臺設備為手術提供保障,5名首都醫療專家參與。",
     {{"other", 3, "exact", "台"}, {"experts", 5, "exact", "名"}}},
    {"dates and times are no counts",
     "2023年5月12日上午9:30,专家抵达。",
     "2023年5月12日上午9:30,專家抵達。",
     {}},
    {"ages and durations are no counts",
     "为期3个月,手术持续5个多小时,援藏3年多,患儿8岁。",
     "爲期3個月,手術持續5個多小時,援藏3年多,患兒8歲。",
     {}},
    {"ordinals are no counts",
     "第十批医疗队在第二届大会上获第一名,第一、二、三期学员,第5、6批专家。",
     "第十批醫療隊在第二屆大會上獲第一名,第一、二、三期學員,第5、6批專家。",
     {}},
    {"percentages and sizes are no counts",
     "好转率提高35%,百分之二十,换用7.5号导管。",
     "好轉率提高35%,百分之二十,換用7.5號導管。",
     {}},
    {"emergency numbers are no counts", "一辆120急救车驶入医院。", "一輛120急救車駛入醫院。", {}},
    {"plan names are no counts",
     "“十四五”期间推行“1+N”模式,十九大以来成效显著。",
     "“十四五”期間推行“1+N”模式,十九大以來成效顯著。",
     {}},
    {"a round numeral alone names a slogan, not a count; with a qualifier it counts",
     "实施千名医生下基层行动,参与万名医师支援农村工程,近千名医生下沉。",
     "實施千名醫生下基層行動,參與萬名醫師支援農村工程,近千名醫生下沉。",
     {{"experts", 1000, "nearly", "名"}}},
    {"the indefinite 一 is no count",
     "打造一支带不走的医疗队,送来一名患者。",
     "打造一支帶不走的醫療隊,送來一名患者。",
     {}},
    {"frequencies are no counts", "每周三次查房。", "每週三次查房。", {}},
    {"a sending verb makes the persons sent experts, even 骨干",
     "连续派出5批共32名医疗骨干支援边疆,抽调10名骨干医师支援乡镇。",
     "連續派出5批共32名醫療骨幹支援邊疆,抽調10名骨幹醫師支援鄉鎮。",
     {{"teams", 5, "exact", "批"}, {"experts", 32, "exact", "名"}, {"experts", 10, "exact", "名"}}},
    {"a sending verb with a study verb after: trainees",
     "选派30名业务骨干赴省城进修,选派8名医生到上级医院跟岗学习。",
     "選派30名業務骨幹赴省城進修,選派8名醫生到上級醫院跟崗學習。",
     {{"trainees", 30, "exact", "名"}, {"trainees", 8, "exact", "名"}}},
    {"a sending verb leaves unambiguous trainees and other experts alone",
     "选派的20名学员顺利结业,派出12名专家赴当地开展培训。",
     "選派的20名學員順利結業,派出12名專家赴當地開展培訓。",
     {{"trainees", 20, "exact", "名"}, {"experts", 12, "exact", "名"}}},
    {"a teaching verb nearer the number than the sending verb governs the count",
     "派出专家培养本地骨干20名。",
     "派出專家培養本地骨幹20名。",
     {{"trainees", 20, "exact", "名"}}},
    {"persons going down to the grassroots are experts",
     "全市380名医生下沉到基层,其中副高以上职称128名。",
     "全市380名醫生下沉到基層,其中副高以上職稱128名。",
     {{"experts", 380, "exact", "名"}, {"experts", 128, "exact", "名"}}},
    {"compound nouns and verbs between a before cue and the number",
     "新开展技术项目35项,推广新业务新技术近百项,举办适宜技术推广班12期。",
     "新開展技術項目35項,推廣新業務新技術近百項,舉辦適宜技術推廣班12期。",
     {{"new_techniques", 35, "exact", "项"},
      {"new_techniques", 100, "nearly", "项"},
      {"teaching_sessions", 12, "exact", "期"}}},
    {"a place noun right after the classifier wins over later cues; X级 is an adjective",
     "向76个国家和地区派遣援外医疗队员3万人次,建成3个国家级重点专科,覆盖9个县区。",
     "向76個國家和地區派遣援外醫療隊員3萬人次,建成3個國家級重點專科,覆蓋9個縣區。",
     {{"other", 76, "exact", "个"},
      {"experts", 30000, "exact", "人次"},
      {"specialties", 3, "exact", "个"},
      {"other", 9, "exact", "个"}}},
    {"classifier before the number",
     "服务群众人次达1.2万,门诊人次为3500,手术台次达300余。",
     "服務羣衆人次達1.2萬,門診人次爲3500,手術臺次達300餘。",
     {{"patients", 12000, "exact", "人次"},
      {"patients", 3500, "exact", "人次"},
      {"surgeries", 300, "more_than", "台次"}}},
    {"regression: a unit in brackets before the number, as a row of a report's summary writes it",
     "开展手术（台次）152，门诊（人次）2,360；培训（人次）85。",
     "開展手術（臺次）152，門診（人次）2,360；培訓（人次）85。",
     {{"surgeries", 152, "exact", "台次"},
      {"patients", 2360, "exact", "人次"},
      {"training_attendances", 85, "exact", "人次"}}},
    {"regression: a bullet's label before its colon names what its count counts",
     "· 带教并示范手术：214台次\n· 引进新技术：9项\n· 教学查房：近百次\n· 健康讲座：28场\n",
     "· 帶教並示範手術：214臺次\n· 引進新技術：9項\n· 教學查房：近百次\n· 健康講座：28場\n",
     {{"surgeries", 214, "exact", "台次"},
      {"new_techniques", 9, "exact", "项"},
      {"teaching_sessions", 100, "nearly", "次"},
      {"teaching_sessions", 28, "exact", "场"}}},
    {"regression: a label names only a count right after its colon that names nothing itself",
     "· 健康讲座：5名专家主讲\n",
     "· 健康講座：5名專家主講\n",
     {{"experts", 5, "exact", "名"}}},
    {"regression: study sessions a doctor holds teach; joint replacements are operations",
     "专家全年组织业务学习24次,完成膝关节置换17例。",
     "專家全年組織業務學習24次,完成膝關節置換17例。",
     {{"teaching_sessions", 24, "exact", "次"}, {"surgeries", 17, "exact", "例"}}},
    {"regression: people seen free (民众) and a lecture's audience (受众) are patients; persons "
     "back from their studies (学成) were trainees",
     "医疗队开展义诊2场,为300多名当地民众免费看病;队员们还走进学校开展讲座,"
     "受众超过800人。已有12人学成归来。",
     "醫療隊開展義診2場,為300多名當地民眾免費看病;隊員們還走進學校開展講座,"
     "受眾超過800人。已有12人學成歸來。",
     {{"clinics_free", 2, "exact", "场"},
      {"patients", 300, "more_than", "名"},
      {"patients", 800, "more_than", "人"},
      {"trainees", 12, "exact", "人"}}},
    {"batches that move in are teams; inpatients are patients",
     "先后分8批次进驻县医院,住院人次达4600。",
     "先後分8批次進駐縣醫院,住院人次達4600。",
     {{"teams", 8, "exact", "批次"}, {"patients", 4600, "exact", "人次"}}},
    {"batches that a verb of sending after them sends are teams (regression: 分5批 was no fact)",
     "省医院已分5批向县医院派驻医师40名。",
     "省醫院已分5批向縣醫院派駐醫師40名。",
     {{"teams", 5, "exact", "批"}, {"experts", 40, "exact", "名"}}},
    {"diagnostic items introduced are new techniques; research projects are other",
     "协助开展胃镜等诊疗项目6项,获批科研项目3项,省级课题2项。",
     "協助開展胃鏡等診療項目6項,獲批科研項目3項,省級課題2項。",
     {{"new_techniques", 6, "exact", "项"},
      {"other", 3, "exact", "项"},
      {"other", 2, "exact", "项"}}},
    {"persons after 为/给 receive the action: a cue before it is the agent's",
     "医疗队还为当地卫生院的40名医务人员进行了培训,作为专家组成员的6名医生参与。",
     "醫療隊還為當地衛生院的40名醫務人員進行了培訓,作為專家組成員的6名醫生參與。",
     {{"trainees", 40, "exact", "名"}, {"experts", 6, "exact", "名"}}},
    {"institutions counted after a 个 before the number",
     "援建乡镇卫生院15所、村卫生室40个。",
     "援建鄉鎮衛生院15所、村衛生室40個。",
     {{"hospitals", 15, "exact", "所"}, {"hospitals", 40, "exact", "个"}}},
    {"persons forming a team later in the clause are experts",
     "由6家医院的23名医务人员组成的第十九批医疗队出发。",
     "由6家醫院的23名醫務人員組成的第十九批醫療隊出發。",
     {{"hospitals", 6, "exact", "家"}, {"experts", 23, "exact", "名"}}},
    {"the persons of teams are experts",
     "组建8支医疗队,共计136人。",
     "組建8支醫療隊,共計136人。",
     {{"teams", 8, "exact", "支"}, {"experts", 136, "exact", "人"}}},
    {"persons of an earlier person-times count inherit its noun",
     "派出技术人员1200余人次,其中担任副院长的34人;培训医务人员900人次,其中村医120人。",
     "派出技術人員1200餘人次,其中擔任副院長的34人;培訓醫務人員900人次,其中村醫120人。",
     {{"experts", 1200, "more_than", "人次"},
      {"experts", 34, "exact", "人"},
      {"training_attendances", 900, "exact", "人次"},
      {"trainees", 120, "exact", "人"}}},
    {"teams sent are teams; a hospital's own treatment teams are other",
     "派驻专家团队23个,组建多学科诊疗团队14个。",
     "派駐專家團隊23個,組建多學科診療團隊14個。",
     {{"teams", 23, "exact", "个"}, {"other", 14, "exact", "个"}}},
    {"a qualifier before the currency name",
     "总投入约人民币300万元,捐赠逾人民币50万元的药品。",
     "總投入約人民幣300萬元,捐贈逾人民幣50萬元的藥品。",
     {{"money", 3000000, "about", "元"}, {"money", 500000, "more_than", "元"}}},
    {"a conversion into yuan with 约合 is about",
     "向医院捐赠设备,折合人民币约30万元;另捐赠药品,约合人民币70万元。",
     "向醫院捐贈設備,折合人民幣約30萬元;另捐贈藥品,約合人民幣70萬元。",
     {{"money", 300000, "about", "元"}, {"money", 700000, "about", "元"}}},
    {"a delegation, a duration, an ordinal batch, an uncounted unit, a percentage",
     "医疗队一行7人抵达,为期一年,第二批约100名专家,发放资料5000余份,成功率达99%以上。",
     "醫療隊一行7人抵達,為期一年,第二批約100名專家,發放資料5000餘份,成功率達99%以上。",
     {{"experts", 7, "exact", "人"}, {"experts", 100, "about", "名"}}},
    {"large person-times, money with 人民币, at least, nearly, sessions",
     "诊治患者2.9亿人次,捐赠总价值约200万元人民币,派出不少于10名医务人员,会诊疑难病例近400例,"
     "举办培训班18期。",
     "診治患者2.9億人次,捐贈總價值約200萬元人民幣,派出不少於10名醫務人員,會診疑難病例近400例,"
     "舉辦培訓班18期。",
     {{"patients", 290000000, "exact", "人次"},
      {"money", 2000000, "about", "元"},
      {"experts", 10, "at_least", "名"},
      {"consultations", 400, "nearly", "例"},
      {"teaching_sessions", 18, "exact", "期"}}},
    {"a yearly quota is a count; a daily rate is not",
     "每年选派10名专家驻点帮扶,每天接诊患者40余人。",
     "每年選派10名專家駐點幫扶,每天接診患者40餘人。",
     {{"experts", 10, "exact", "名"}}},
    {"numbers inside a quoted programme name are no counts",
     "实施“三个一百”工程和“1+1+N”帮扶模式,推行“5个1”工作机制,培训乡村医生200名。",
     "實施「三個一百」工程和「1+1+N」幫扶模式,推行“5個1”工作機制,培訓鄉村醫生200名。",
     {{"trainees", 200, "exact", "名"}}},
    {"突破 before a number means more than",
     "服务群众突破3万人次。",
     "服務群衆突破3萬人次。",
     {{"patients", 30000, "more_than", "人次"}}},
    {"persons sent down, trained out, at clinics or supporting are experts",
     "下沉20名医生到乡镇卫生院,带出本地骨干15名,8名医务人员开展义诊,另有6名护士支援急诊科。",
     "下沉20名醫生到鄉鎮衛生院,帶出本地骨幹15名,8名醫務人員開展義診,另有6名護士支援急診科。",
     {{"experts", 20, "exact", "名"},
      {"trainees", 15, "exact", "名"},
      {"experts", 8, "exact", "名"},
      {"experts", 6, "exact", "名"}}},
    {"lectures called reports are teaching sessions",
     "开展专题报告12场、学术报告5次。",
     "開展專題報告12場、學術報告5次。",
     {{"teaching_sessions", 12, "exact", "场"}, {"teaching_sessions", 5, "exact", "次"}}},
    {"a noun cue after 家 wins over 家乡; a short parenthesis inside the noun",
     "帮扶团队进驻5家乡镇卫生院,组织专家到全县8个乡(镇)卫生院巡诊。",
     "幫扶團隊進駐5家鄉鎮衛生院,組織專家到全縣8個鄉(鎮)衛生院巡診。",
     {{"hospitals", 5, "exact", "家"}, {"hospitals", 8, "exact", "个"}}},
    {"the Hong Kong form 衞生院, which t2s keeps, counts hospitals (regression: no fact)",
     "医院对口帮扶镇上4个乡镇衞生院。",
     "醫院對口幫扶鎮上4個鄉鎮衞生院。",
     {{"hospitals", 4, "exact", "个"}}},
    {"a hospital's branches (分院, 乡镇分院: not 乡镇, a place) count hospitals (regression: no "
     "fact, "
     "and 12个乡镇 read as places)",
     "县医院已向12个乡镇分院派出医生,市医院下属3家分院参与帮扶。",
     "縣醫院已向12個鄉鎮分院派出醫生,市醫院下屬3家分院參與幫扶。",
     {{"hospitals", 12, "exact", "个"}, {"hospitals", 3, "exact", "家"}}},
    {"small teams",
     "县医院组建2支巡回医疗小分队。",
     "縣醫院組建2支巡迴醫療小分隊。",
     {{"teams", 2, "exact", "支"}}},
    {"posts taken are experts, listed after 担任",
     "其中,担任受援医院副院长1名、科室主任5名、护士长2名。",
     "其中,擔任受援醫院副院長1名、科室主任5名、護士長2名。",
     {{"experts", 1, "exact", "名"}, {"experts", 5, "exact", "名"}, {"experts", 2, "exact", "名"}}},
    {"the longer of two cues ending together decides",
     "新开设中医馆、康复科等特色科室7个。",
     "新開設中醫館、康復科等特色科室7個。",
     {{"specialties", 7, "exact", "个"}}},
    {"numbers in a quoted model followed by 的模式 are no counts",
     "以“1名专家带2名徒弟”的模式,结对培养本地医生31名。",
     "以“1名專家帶2名徒弟”的模式,結對培養本地醫生31名。",
     {{"trainees", 31, "exact", "名"}}},
    {"backbone doctors listed with experts are experts; trained ones are trainees",
     "派出帮扶专家34人,包括3名挂职副院长和15名骨干医生,另有护理人员16名。派出5名专家,"
     "培训15名骨干医生。",
     "派出幫扶專家34人,包括3名掛職副院長和15名骨幹醫生,另有護理人員16名。派出5名專家,"
     "培訓15名骨幹醫生。",
     {{"experts", 34, "exact", "人"},
      {"experts", 3, "exact", "名"},
      {"experts", 15, "exact", "名"},
      {"experts", 16, "exact", "名"},
      {"experts", 5, "exact", "名"},
      {"trainees", 15, "exact", "名"}}},
    {"persons without a cue of their own are members of the sentence's team",
     "本批医疗队由11家医院选派的人员组成,其中医生15名、护士4名,另有保障人员4名。",
     "本批醫療隊由11家醫院選派的人員組成,其中醫生15名、護士4名,另有保障人員4名。",
     {{"hospitals", 11, "exact", "家"},
      {"experts", 15, "exact", "名"},
      {"experts", 4, "exact", "名"},
      {"experts", 4, "exact", "名"}}},
    {"batches before the sending verb",
     "先后分四批选派12名专家常驻县医院。",
     "先後分四批選派12名專家常駐縣醫院。",
     {{"teams", 4, "exact", "批"}, {"experts", 12, "exact", "名"}}},
    {"remote diagnoses are patients served, not consultations",
     "完成远程影像诊断1200例、心电诊断800例。",
     "完成遠程影像診斷1200例、心電診斷800例。",
     {{"patients", 1200, "exact", "例"}, {"patients", 800, "exact", "例"}}},
    {"persons after 对 receive the action; screened persons are patients",
     "医疗队专家对全县数百名儿童进行了先心病筛查。",
     "醫療隊專家對全縣數百名兒童進行了先心病篩查。",
     {{"patients", 200, "vague", "名"}}},
    {"things inherit a noun only under the same classifier",
     "援建远程会诊中心9个,捐赠救护车15辆。",
     "援建遠程會診中心9個,捐贈救護車15輛。",
     {{"specialties", 9, "exact", "个"}, {"other", 15, "exact", "辆"}}},
    {"至少有 is at least",
     "全县至少有1家医院达到三级医院水平。",
     "全縣至少有1家醫院達到三級醫院水平。",
     {{"hospitals", 1, "at_least", "家"}}},
    {"a share per unit is no count, unless persons are sent: a quota",
     "力争每个县至少建成1个重点专科,每月派出2名专家坐诊,每个受援县选派20名专家。",
     "力爭每個縣至少建成1個重點專科,每月派出2名專家坐診,每個受援縣選派20名專家。",
     {{"experts", 2, "exact", "名"}, {"experts", 20, "exact", "名"}}},
    {"departments built are specialties, departments that exist are not",
     "新成立呼吸科和疼痛科2个科室,全院共有16个科室。新建中医馆23个、康复科17个。",
     "新成立呼吸科和疼痛科2個科室,全院共有16個科室。新建中醫館23個、康復科17個。",
     {{"specialties", 2, "exact", "个"},
      {"other", 16, "exact", "个"},
      {"specialties", 23, "exact", "个"},
      {"specialties", 17, "exact", "个"}}},
    {"case discussions listed with teaching rounds are teaching sessions",
     "开展教学查房、病例讨论等30场,远程会诊15次。",
     "開展教學查房、病例討論等30場,遠程會診15次。",
     {{"teaching_sessions", 30, "exact", "场"}, {"consultations", 15, "exact", "次"}}},
    {"batches right before experts are teams",
     "已先后有3批、共计106名专家到院工作。",
     "已先後有3批、共計106名專家到院工作。",
     {{"teams", 3, "exact", "批"}, {"experts", 106, "exact", "名"}}},
    {"persons served: the noun after 的, children, blood pressure, 个 patients",
     "将其中9名需要手术的患者转诊到上级医院。为上千名留守儿童建立健康档案,测量血压150余人次,"
     "门诊看了1100多个病人。",
     "將其中9名需要手術的患者轉診到上級醫院。為上千名留守兒童建立健康檔案,測量血壓150餘人次,"
     "門診看了1100多個病人。",
     {{"patients", 9, "exact", "名"},
      {"patients", 1000, "more_than", "名"},
      {"patients", 150, "more_than", "人次"},
      {"patients", 1100, "more_than", "个"}}},
    {"committee members are other, mentors experts, a ranking no count",
     "专家委员会委员130余名;遴选带教导师532名,排名前10名的导师获奖。",
     "專家委員會委員130餘名;遴選帶教導師532名,排名前10名的導師獲獎。",
     {{"other", 130, "more_than", "名"}, {"experts", 532, "exact", "名"}}},
    {"persons named by no cue of their clause take the sentence's",
     "县人民医院选派业务骨干赴托管方进修,第一年18名、第二年23名。"
     "开展急救技能培训,覆盖乡村医生2300余人次,并组织应急演练6次。",
     "縣人民醫院選派業務骨幹赴託管方進修,第一年18名、第二年23名。"
     "開展急救技能培訓,覆蓋鄉村醫生2300餘人次,並組織應急演練6次。",
     {{"trainees", 18, "exact", "名"},
      {"trainees", 23, "exact", "名"},
      {"training_attendances", 2300, "more_than", "人次"},
      {"other", 6, "exact", "次"}}},
    {"a service word heading a job title is no cue",
     "共培养影像诊断医师11名、检验技师7名。",
     "共培養影像診斷醫師11名、檢驗技師7名。",
     {{"trainees", 11, "exact", "名"}, {"trainees", 7, "exact", "名"}}},
    {"persons forming a group are its members; a share per village is no count",
     "宣讲团由15名医生组成,要求每村至少配备1名指导员。",
     "宣講團由15名醫生組成,要求每村至少配備1名指導員。",
     {{"experts", 15, "exact", "名"}}},
    {"an alliance of specialties is no specialty",
     "牵头创建了1个名医工作室和2个专科联盟。",
     "牽頭創建了1個名醫工作室和2個專科聯盟。",
     {{"specialties", 1, "exact", "个"}, {"other", 2, "exact", "个"}}},
    {"至少 before a short verb still bounds the number",
     "几十年来,他至少参加了一百次下乡义诊。",
     "幾十年來,他至少參加了一百次下鄉義診。",
     {{"clinics_free", 100, "at_least", "次"}}},
    {"分别为 is no recipient; a team's members by role; 到 ends the counted noun; 拜师",
     "受援医院新增国家级、省级临床重点专科分别为3个和21个。"
     "小组共7人,分别为护理人员3名、临床药师2名、康复治疗师2名。"
     "医院还选派骨干医生12人到援疆专家所在的派出医院进修学习。"
     "医院先后有近百名本地医生拜师学艺,其中21人已能独立完成三四级手术。",
     "受援醫院新增國家級、省級臨牀重點專科分別爲3個和21個。"
     "小組共7人,分別爲護理人員3名、臨牀藥師2名、康復治療師2名。"
     "醫院還選派骨幹醫生12人到援疆專家所在的派出醫院進修學習。"
     "醫院先後有近百名本地醫生拜師學藝,其中21人已能獨立完成三四級手術。",
     {{"specialties", 3, "exact", "个"},
      {"specialties", 21, "exact", "个"},
      {"experts", 7, "exact", "人"},
      {"experts", 3, "exact", "名"},
      {"experts", 2, "exact", "名"},
      {"experts", 2, "exact", "名"},
      {"trainees", 12, "exact", "人"},
      {"trainees", 100, "nearly", "名"},
      {"trainees", 21, "exact", "人"}}},
    {"enrolment, persons sent whatever their post, study by shadowing, 分别为 after teams",
     "2023年招生计划为600名,其中本科层次400名、专科层次200名。"
     "累计派出挂职副院长、职能科室负责人等管理人员136名。"
     "接收受援医院管理人员到派出医院跟班学习372名。"
     "派出眼科、口腔科专家两支队伍,分别为11名和9名。"
     "省疾控中心会同昆明、曲靖3个州市派出队伍,生均培养补助标准为每年6000元。",
     "2023年招生計劃爲600名,其中本科層次400名、專科層次200名。"
     "累計派出掛職副院長、職能科室負責人等管理人員136名。"
     "接收受援醫院管理人員到派出醫院跟班學習372名。"
     "派出眼科、口腔科專家兩支隊伍,分別爲11名和9名。"
     "省疾控中心會同昆明、曲靖3個州市派出隊伍,生均培養補助標準爲每年6000元。",
     {{"trainees", 600, "exact", "名"},
      {"trainees", 400, "exact", "名"},
      {"trainees", 200, "exact", "名"},
      {"experts", 136, "exact", "名"},
      {"trainees", 372, "exact", "名"},
      {"teams", 2, "exact", "支"},
      {"experts", 11, "exact", "名"},
      {"experts", 9, "exact", "名"},
      {"other", 3, "exact", "个"}}},
    {"a grade inside the noun, an average is never a quota, 挂职培训 and 招收, colleges, majors",
     "队员分别来自9家三级甲等医院。派驻管理和技术人员共计412名,每家受援医院平均派驻4.8人。"
     "计划再选派县级医院院长50-60名赴省级医院挂职培训。"
     "自2015年起已累计招收订单医生4千余名,由5所医学院校承担培养任务。"
     "专家来自心内科等7个专业,远程心电检查每例收费20元。",
     "隊員分別來自9家三級甲等醫院。派駐管理和技術人員共計412名,每家受援醫院平均派駐4.8人。"
     "計劃再選派縣級醫院院長50-60名赴省級醫院掛職培訓。"
     "自2015年起已累計招收訂單醫生4千餘名,由5所醫學院校承擔培養任務。"
     "專家來自心內科等7個專業,遠程心電檢查每例收費20元。",
     {{"hospitals", 9, "exact", "家"},
      {"experts", 412, "exact", "名"},
      {"trainees", 50, "exact", "名"},
      {"trainees", 4000, "more_than", "名"},
      {"hospitals", 5, "exact", "所"},
      {"other", 7, "exact", "个"}}},
    {"issue 10: persons trained (培育, 帮带) are trainees whatever their noun",
     "专家团队培育本土医疗人才50名,帮带当地医生12名。",
     "專家團隊培育本土醫療人才50名,幫帶當地醫生12名。",
     {{"trainees", 50, "exact", "名"}, {"trainees", 12, "exact", "名"}}},
    {"issue 10: persons received for study (接收…进修) are trainees",
     "接收受援医院医生进修40名。",
     "接收受援醫院醫生進修40名。",
     {{"trainees", 40, "exact", "名"}}},
    {"issue 10: person-times sent to study (派出…到…进修) are trainees",
     "受援医院选派医务人员35人次到上海进修。",
     "受援醫院選派醫務人員35人次到上海進修。",
     {{"trainees", 35, "exact", "人次"}}},
    {"issue 10: 开展手术…人次 are surgeries, whatever the classifier",
     "医院共开展各类手术1200余人次。",
     "醫院共開展各類手術1200餘人次。",
     {{"surgeries", 1200, "more_than", "人次"}}},
    {"issue 10: 组建了N支医疗队 and 共N名医护人员",
     "今年组建了3支医疗队,共26名医护人员。",
     "今年組建了3支醫療隊,共26名醫護人員。",
     {{"teams", 3, "exact", "支"}, {"experts", 26, "exact", "名"}}},
    {"issue 10: N支援外医疗队 counts teams (援 opens the team's name, no verb 支援); a device "
     "named before its 台 (手术显微镜) is equipment, no surgery",
     "全省共有4支援外医疗队在非洲工作。医院捐赠手术显微镜2台、呼吸机3台。",
     "全省共有4支援外醫療隊在非洲工作。醫院捐贈手術顯微鏡2臺、呼吸機3臺。",
     {{"teams", 4, "exact", "支"}, {"other", 2, "exact", "台"}, {"other", 3, "exact", "台"}}},
    {"issue 10: verbs of sending and of study are the frames of data/frames.tsv",
     "医院选派8名骨干护士接受培训,另从乡镇卫生院遴选20名骨干医生作为重点培养对象。",
     "醫院選派8名骨幹護士接受培訓,另從鄉鎮衛生院遴選20名骨幹醫生作爲重點培養對象。",
     {{"trainees", 8, "exact", "名"}, {"trainees", 20, "exact", "名"}}},
    {"issue 10: the verbs of data/frames.tsv are cues: sending, training, study after",
     "卫健委今年委派6名赴乡镇,县医院培育乡村医生45名,另有护士7名前往省医院跟岗。",
     "衛健委今年委派6名赴鄉鎮,縣醫院培育鄉村醫生45名,另有護士7名前往省醫院跟崗。",
     {{"experts", 6, "exact", "名"},
      {"trainees", 45, "exact", "名"},
      {"trainees", 7, "exact", "名"}}},
    {"issue 10: a frame replaces the metrics of its overrides column",
     "省医院抽调骨干6名支援乡镇,选派专家3名赴京进修,另有9名党员干部到县医院学习。",
     "省醫院抽調骨幹6名支援鄉鎮,選派專家3名赴京進修,另有9名黨員幹部到縣醫院學習。",
     {{"experts", 6, "exact", "名"}, {"trainees", 3, "exact", "名"}, {"other", 9, "exact", "名"}}},
    {"issue 10: counts listed together take their partner's metric (data/lists.tsv)",
     "医院分4批、共计52名专家赶赴灾区。医院派出专家10人,包括骨干医生4名;另派出专家6人,培训骨干医生"
     "20名。",
     "醫院分4批、共計52名專家趕赴災區。醫院派出專家10人,包括骨幹醫生4名;另派出專家6人,培訓骨幹醫生"
     "20名。",
     {{"teams", 4, "exact", "批"},
      {"experts", 52, "exact", "名"},
      {"experts", 10, "exact", "人"},
      {"experts", 4, "exact", "名"},
      {"experts", 6, "exact", "人"},
      {"trainees", 20, "exact", "名"}}},
    {"issue 10: person-times of study (进修) are trainees, also after the verb",
     "县医院接收乡镇卫生院进修人员80人次,另接收村医进修35人次。省医院接收牧区医生到省城进修,"
     "三年共计64人次。",
     "縣醫院接收鄉鎮衛生院進修人員80人次,另接收村醫進修35人次。省醫院接收牧區醫生到省城進修,"
     "三年共計64人次。",
     {{"trainees", 80, "exact", "人次"},
      {"trainees", 35, "exact", "人次"},
      {"trainees", 64, "exact", "人次"}}},
    {"issue 10: 大约 before the short verb that governs the number qualifies it",
     "捐赠的这批器械大约值3000元。",
     "捐贈的這批器械大約值3000元。",
     {{"money", 3000, "about", "元"}}},
    {"issue 10: 进修学习 before person-times, 进修 after them past a teaching word, are trainees",
     "选送护士到省医院进修学习60多人次。专家带教村医12名,并组织乡镇医生30人次赴省城进修。",
     "選送護士到省醫院進修學習60多人次。專家帶教村醫12名,並組織鄉鎮醫生30人次赴省城進修。",
     {{"trainees", 60, "more_than", "人次"},
      {"trainees", 12, "exact", "名"},
      {"trainees", 30, "exact", "人次"}}},
    {"issue 10: a listing's blank between groups of three digits is a thousands separator",
     "门诊诊疗\u3000\u3000\u30009 860 人次\n培训医务人员\u3000\u30002 300 人次",
     "門診診療\u3000\u3000\u30009 860 人次\n培訓醫務人員\u3000\u30002 300 人次",
     {{"patients", 9860, "exact", "人次"}, {"training_attendances", 2300, "exact", "人次"}}},
    {"issue 10: 建立 builds departments, 组建 builds specialist alliances (data/frames.tsv)",
     "专家团队帮助县医院建立麻醉科、康复科等4个科室。医院牵头组建了心血管、肿瘤两个专科联盟,"
     "还与县医院组建专科联盟3个。",
     "專家團隊幫助縣醫院建立麻醉科、康復科等4個科室。醫院牽頭組建了心血管、腫瘤兩個專科聯盟,"
     "還與縣醫院組建專科聯盟3個。",
     {{"specialties", 4, "exact", "个"},
      {"specialties", 2, "exact", "个"},
      {"specialties", 3, "exact", "个"}}},
    {"issue 10: the local staff a sent doctor pairs with (与…结对, 与…结成师徒) are trainees",
     "下派医生与15名村医结对,援疆专家还与当地医院9名年轻护士结成师徒。"
     "全市选派医生200名,有12家医院参与结对,其中赴山区40名。",
     "下派醫生與15名村醫結對,援疆專家還與當地醫院9名年輕護士結成師徒。"
     "全市選派醫生200名,有12家醫院參與結對,其中赴山區40名。",
     {{"trainees", 15, "exact", "名"},
      {"trainees", 9, "exact", "名"},
      {"experts", 200, "exact", "名"},
      {"hospitals", 12, "exact", "家"},
      {"experts", 40, "exact", "名"}}},
    {"regression: the hospital's own doctors who sign a mentoring agreement with the sent ones "
     "(与…签订带教协议) were experts, named by the 专家 before them",
     "5日上午,10名援疆专家与本院20名青年医生签订带教协议。",
     "5日上午,10名援疆專家與本院20名青年醫生簽訂帶教協議。",
     {{"experts", 10, "exact", "名"}, {"trainees", 20, "exact", "名"}}},
    {"regression: the rest of a team going on (其余8名分赴…) counted 分, the verb's first "
     "character, instead of the team's members named before",
     "其中,12名队员进驻地区人民医院,其余8名分赴乌什县、柯坪县。",
     "其中,12名隊員進駐地區人民醫院,其餘8名分赴烏什縣、柯坪縣。",
     {{"experts", 12, "exact", "名"}, {"experts", 8, "exact", "名"}}},
    {"issue 10: a word listed with the count's own noun shares no item with an earlier count",
     "开展教学查房30次、疑难病例讨论12次、业务讲座8场。",
     "開展教學查房30次、疑難病例討論12次、業務講座8場。",
     {{"teaching_sessions", 30, "exact", "次"},
      {"consultations", 12, "exact", "次"},
      {"teaching_sessions", 8, "exact", "场"}}},
    {"issue 10: a count of things done, without a noun, takes its sentence's cue (words.tsv)",
     "县医院的微创手术从无到有,今年已完成了27台。医院开展急救培训,并举行演练5次。",
     "縣醫院的微創手術從無到有,今年已完成了27臺。醫院開展急救培訓,並舉行演練5次。",
     {{"surgeries", 27, "exact", "台"}, {"other", 5, "exact", "次"}}},
    {"issue 10: a clause that continues a verb of sending (另有, 其中) counts persons sent",
     "省里选派300余名医务人员支援丽水市,另有120余名医务人员赴衢州市开展帮扶。"
     "共选派医疗队员60人次到县医院帮扶,其中担任科室负责人的15人次。",
     "省裏選派300餘名醫務人員支援麗水市,另有120餘名醫務人員赴衢州市開展幫扶。"
     "共選派醫療隊員60人次到縣醫院幫扶,其中擔任科室負責人的15人次。",
     {{"experts", 300, "more_than", "名"},
      {"experts", 120, "more_than", "名"},
      {"experts", 60, "exact", "人次"},
      {"experts", 15, "exact", "人次"}}},
    {"issue 10: persons received as support (接收支援人员) are the experts sent",
     "县医院今年接收支援人员35名,五年来累计接收支援人员120人次。",
     "縣醫院今年接收支援人員35名,五年來累計接收支援人員120人次。",
     {{"experts", 35, "exact", "名"}, {"experts", 120, "exact", "人次"}}},
    {"issue 10: academic exchanges (学术交流) are teaching sessions",
     "专家团队开展学术交流20余场。",
     "專家團隊開展學術交流20餘場。",
     {{"teaching_sessions", 20, "more_than", "场"}}},
    {"issue 10: rescue teams (救援队) are teams, and the persons counted with them experts; "
     "国家 before one is the team's name, not a count of countries",
     "3支国家医学救援队共60人抵达灾区。市第二批医疗救援队45人于当晚出发。",
     "3支國家醫學救援隊共60人抵達災區。市第二批醫療救援隊45人於當晚出發。",
     {{"teams", 3, "exact", "支"}, {"experts", 60, "exact", "人"}, {"experts", 45, "exact", "人"}}},
    {"issue 10: a count of autonomous prefectures (自治州) counts places, not what they do or have",
     "受援的5个藏族自治州开展新技术30项,惠及2个自治州的患者。",
     "受援的5個藏族自治州開展新技術30項,惠及2個自治州的患者。",
     {{"other", 5, "exact", "个"},
      {"new_techniques", 30, "exact", "项"},
      {"other", 2, "exact", "个"}}},
};

void check_facts(std::string_view text, const std::vector<ExpectedFact>& expected) {
  std::vector<zhreport::Fact> facts = zhreport::find_facts(text);
  REQUIRE(facts.size() == expected.size());
  for (size_t i = 0; i < facts.size(); ++i) {
    const zhreport::Fact& f = facts[i];
    INFO("fact " << i << ": " << f.quote);
    CHECK(f.metric == expected[i].metric);
    CHECK(f.value == expected[i].value);
    CHECK(zhreport::qualifier_name(f.qualifier) == expected[i].qualifier);
    CHECK(f.unit == expected[i].unit);
    CHECK(f.quote == text.substr(f.start, f.end - f.start));
  }
}

}  // namespace

TEST_CASE("facts: every rule, in Simplified and Traditional script") {
  const zhreport::Converter& t2s = zhreport::Converter::get(zhreport::Config::t2s);
  for (const Case& c : kCases) {
    INFO(c.rule);
    check_facts(c.simplified, c.facts);
    std::string converted = t2s.convert(c.traditional);
    INFO(converted);
    check_facts(converted, c.facts);
  }
}

TEST_CASE("facts: counted noun, value range and span") {
  std::string_view text = "先后培养了数百名医务人员,建成13个“组团式”传帮带工作室。";
  std::vector<zhreport::Fact> facts = zhreport::find_facts(text);
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].counted == "培养");
  CHECK(facts[0].value == 200);
  CHECK(facts[0].value_max == 900);
  CHECK(facts[0].quote == "培养了数百名");
  CHECK(facts[1].counted == "工作室");
  CHECK(facts[1].metric == "specialties");
  CHECK(facts[1].quote == "13个“组团式”传帮带工作室");
}

TEST_CASE("facts: an elided noun is inherited within the sentence only") {
  std::vector<zhreport::Fact> facts = zhreport::find_facts("派出20名专家。内科5名。");
  REQUIRE(facts.size() == 2);
  CHECK(facts[1].metric == "other");
}

TEST_CASE("facts: lines a document marks as boilerplate or captions are skipped") {
  std::string_view text =
      "援疆工作总结\n来源:医院办公室 阅读数:515\n共派出15名专家。\n图2 3名专家查房\n分享到:";
  zhreport::Document document = zhreport::analyze_document(text);
  std::vector<zhreport::Fact> facts = zhreport::find_facts(text, document);
  REQUIRE(facts.size() == 1);
  CHECK(facts[0].value == 15);
  CHECK(zhreport::find_facts(text).size() == 2);  // the caption's count too
}

namespace {

struct ExpectedContext {
  double value;
  std::string_view to, from, since, until;
};

// The facts of a report (title, date line, body) and their context, in both scripts.
void check_context(std::string_view simplified, std::string_view traditional,
                   const std::vector<ExpectedContext>& expected) {
  const zhreport::Converter& t2s = zhreport::Converter::get(zhreport::Config::t2s);
  for (const std::string& text : {std::string(simplified), t2s.convert(traditional)}) {
    INFO(text);
    zhreport::Document document = zhreport::analyze_document(text);
    std::vector<zhreport::Fact> facts = zhreport::find_facts(text, document);
    REQUIRE(facts.size() == expected.size());
    for (size_t i = 0; i < facts.size(); ++i) {
      const zhreport::Fact& f = facts[i];
      INFO("fact " << i << ": " << f.quote);
      CHECK(f.value == expected[i].value);
      CHECK(f.to == expected[i].to);
      CHECK(f.from == expected[i].from);
      CHECK(f.since == expected[i].since);
      CHECK(f.until == expected[i].until);
      struct Side {
        const std::string& name;
        const std::string& province;
        zhreport::Span span;
      };
      for (const Side& side :
           {Side{f.to, f.to_province, f.to_span}, Side{f.from, f.from_province, f.from_span}}) {
        if (!side.span.empty()) CHECK(zhreport::find_place(side.name, side.province) != nullptr);
        CHECK(side.span.end <= text.size());
      }
    }
  }
}

}  // namespace

TEST_CASE("facts: context of the worked examples of spec/clauses.md (report dated 2024-08-09)") {
  // 1. from = the subject of 派出; to = the report's subject; 十年来 against the report's date
  check_context(
      "上海援藏医疗队在日喀则市\n2024-08-09\n十年来,上海市先后派出10批医疗队共计286名专家。",
      "上海援藏醫療隊在日喀則市\n2024-08-09\n十年來,上海市先後派出10批醫療隊共計286名專家。",
      {{10, "日喀则市", "上海市", "2014", "2024-08-09"},
       {286, "日喀则市", "上海市", "2014", "2024-08-09"}});
  // 2. 援疆 names the receiving side; 截至 closes the period, which has no stated start
  check_context("浙江医疗援疆\n2024-08-09\n截至2022年底,浙江省累计派出援疆医疗专家1000余名。",
                "浙江醫療援疆\n2024-08-09\n截至2022年底,浙江省累計派出援疆醫療專家1000餘名。",
                {{1000, "新疆维吾尔自治区", "浙江省", "", "2022-12"}});
  // 3. trainees who study at the giving side still belong to the receiving side
  check_context("上海援遵工作\n2024-08-09\n2019年度,受援医院派出医务人员35人次到上海进修。",
                "上海援遵工作\n2024-08-09\n2019年度,受援醫院派出醫務人員35人次到上海進修。",
                {{35, "遵义市", "上海市", "2019", "2019"}});
}

TEST_CASE(
    "facts: issue 10: the host that receives support persons (接收支援人员) is the receiver") {
  check_context(
      "江苏对口支援成效\n2023-06-10\n2016年以来,江苏省组织省内医院对口帮扶宿迁市、连云港市。"
      "宿迁市受援医院累计接收支援人员420人次。",
      "江蘇對口支援成效\n2023-06-10\n2016年以來,江蘇省組織省內醫院對口幫扶宿遷市、連雲港市。"
      "宿遷市受援醫院累計接收支援人員420人次。",
      {{420, "宿迁市", "江苏省", "2016", "2023-06-10"}});
}

TEST_CASE("facts: each fact gets its own relation in a review article") {
  check_context(
      "北京医疗对口支援十年\n2022-09-01\n北京市卫生健康委员会介绍,十年来共选派896名专家,分赴西藏、"
      "新疆、青海,其中西藏拉萨市289名,新疆和田地区517名。",
      "北京醫療對口支援十年\n2022-09-01\n北京市衛生健康委員會介紹,十年來共選派896名專家,分赴西藏、"
      "新疆、青海,其中西藏拉薩市289名,新疆和田地區517名。",
      {{896, "", "北京市", "2012", "2022-09-01"},
       {289, "拉萨市", "北京市", "2012", "2022-09-01"},
       {517, "和田地区", "北京市", "2012", "2022-09-01"}});
}

TEST_CASE("facts: a sentence continues the paragraph's place and date; a report without a date") {
  // 当天 continues the dated event before it, across the paragraph break
  check_context(
      "援疆医疗队义诊\n2017-04-25\n4月11日,浙江省援疆专家前往阿克苏地区开展义诊。\n"
      "当天,专家们义诊467人。",
      "援疆醫療隊義診\n2017-04-25\n4月11日,浙江省援疆專家前往阿克蘇地區開展義診。\n"
      "當天,專家們義診467人。",
      {{467, "阿克苏地区", "浙江省", "2017-04-11", "2017-04-11"}});
  // no date stated: the lead's event 1月16日 falls after every date the report narrates
  check_context(
      "上海援遵专家交接\n1月16日,上海援遵专家交接仪式在我院举行。2019年12月9日,进修班开班,"
      "为期一个月,8名学员参加。",
      "上海援遵專家交接\n1月16日,上海援遵專家交接儀式在我院舉行。2019年12月9日,進修班開班,"
      "為期一個月,8名學員參加。",
      {{8, "遵义市", "上海市", "2019-12-09", "2020-01-09"}});
}

TEST_CASE("facts: a count alone in a cell of a table-like listing takes its column's name") {
  // 派驻专家 over 9名: read as 派驻专家9名; each row receives at its own county
  check_context(
      "宁波对口帮扶凉山成绩单\n2024-01-20\n2023年,宁波市4家医院对口帮扶凉山州的县级医院。"
      "各受援医院情况如下:\n受援医院 帮扶医院 派驻专家 完成手术 培训医务人员\n"
      "布拖县人民医院 宁波市第一医院 9名 310台 800人次\n"
      "昭觉县人民医院 宁波市第二医院 7名 260台 650人次\n全年,各受援医院还选派20名骨干到宁波进修。",
      "寧波對口幫扶涼山成績單\n2024-01-20\n2023年,寧波市4家醫院對口幫扶涼山州的縣級醫院。"
      "各受援醫院情況如下:\n受援醫院 幫扶醫院 派駐專家 完成手術 培訓醫務人員\n"
      "布拖縣人民醫院 寧波市第一醫院 9名 310臺 800人次\n"
      "昭覺縣人民醫院 寧波市第二醫院 7名 260臺 650人次\n全年,各受援醫院還選派20名骨幹到寧波進修。",
      {{4, "凉山彝族自治州", "宁波市", "2023", "2023"},
       {9, "布拖县", "宁波市", "2023", "2023"},
       {310, "布拖县", "宁波市", "2023", "2023"},
       {800, "布拖县", "宁波市", "2023", "2023"},
       {7, "昭觉县", "宁波市", "2023", "2023"},
       {260, "昭觉县", "宁波市", "2023", "2023"},
       {650, "昭觉县", "宁波市", "2023", "2023"},
       {20, "凉山彝族自治州", "宁波市", "2023", "2023"}});
  std::string text =
      "成绩单\n2024-01-20\n受援医院 帮扶医院 派驻专家 完成手术 培训医务人员\n"
      "布拖县人民医院 宁波市第一医院 9名 310台 800人次";
  zhreport::Document document = zhreport::analyze_document(text);
  std::vector<std::string> metrics;
  for (const zhreport::Fact& f : zhreport::find_facts(text, document)) metrics.push_back(f.metric);
  CHECK(metrics == std::vector<std::string>{"experts", "surgeries", "training_attendances"});
  // A sentence with blanks in it names no columns, however short its last cells
  std::string sentence =
      "义诊小结\n2024-03-02\n这次到昭觉县巡回义诊的专家小组分成 派驻专家 完成手术 培训学员\n"
      "昭觉县 6名 45台 120人次";
  metrics.clear();
  for (const zhreport::Fact& f :
       zhreport::find_facts(sentence, zhreport::analyze_document(sentence))) {
    metrics.push_back(f.metric);
  }
  CHECK(metrics == std::vector<std::string>{"other", "other", "other"});
}

TEST_CASE("facts: the context spans name the phrases that state it") {
  std::string text = "上海援藏医疗队在日喀则市\n2024-08-09\n十年来,上海市先后派出286名专家。";
  zhreport::Document document = zhreport::analyze_document(text);
  std::vector<zhreport::Fact> facts = zhreport::find_facts(text, document);
  REQUIRE(facts.size() == 1);
  const zhreport::Fact& f = facts[0];
  auto at = [&](zhreport::Span s) { return text.substr(s.start, s.end - s.start); };
  CHECK(at(f.to_span) == "日喀则市");
  CHECK(at(f.from_span) == "上海市");
  CHECK(at(f.since_span) == "十年来");
  CHECK(f.until_span.empty());  // the report's date: no phrase of the text states it
}

TEST_CASE("facts: regression: an undated report's lead event is dated after a month it narrates") {
  // found by fuzz_clauses: 6月15日 was dated 2020-06-15, before 自2020年7月以来 (since > until)
  check_context(
      "援疆医疗队总结\n6月15日,援疆医疗队总结大会在阿克苏地区第一人民医院召开。"
      "自2020年7月以来,江苏省先后选派3批医疗队共计68名医疗专家赴阿克苏地区。",
      "援疆醫療隊總結\n6月15日,援疆醫療隊總結大會在阿克蘇地區第一人民醫院召開。"
      "自2020年7月以來,江蘇省先後選派3批醫療隊共計68名醫療專家赴阿克蘇地區。",
      {{3, "阿克苏地区", "江苏省", "2020-07", "2021-06-15"},
       {68, "阿克苏地区", "江苏省", "2020-07", "2021-06-15"}});
}

TEST_CASE("facts: regression: an undated report whose latest date is a year alone does not throw") {
  // data/eval/set1/h14: latest.substr(5) of "2022" threw out of find_facts. A year alone that
  // starts a programme (2022年以来) gives no year to the lead's day: the report stays undated.
  check_context(
      "援疆医疗队\n6月8日,援疆医疗队在和田地区开展义诊。2022年以来,天津市先后选派3批共127名"
      "医疗专家来到和田地区。",
      "援疆醫療隊\n6月8日,援疆醫療隊在和田地區開展義診。2022年以來,天津市先後選派3批共127名"
      "醫療專家來到和田地區。",
      {{3, "和田地区", "天津市", "2022", ""}, {127, "和田地区", "天津市", "2022", ""}});
}

TEST_CASE("regression: a table's bare numbers (嵩县  18  624  1,530) were no counts") {
  // Government tables put the unit in the column's name, or leave it out: each cell is its
  // column's count; cells parted by blanks, tabs, no-break spaces (&nbsp; on a page) or
  // ideographic spaces.
  for (std::string blank : {"  ", "\t", "\u00a0\u00a0", "\u3000"}) {
    std::string text =
        "下沉情况一览\n2025-06-30\n各县派驻情况如下:\n" +
        ("序号" + blank + "县名" + blank + "派驻人数" + blank + "开展手术" + blank + "培训人次" +
         blank + "帮扶资金(万元)\n") +
        ("1" + blank + "嵩县" + blank + "18" + blank + "624" + blank + "1,530" + blank + "120\n") +
        ("2" + blank + "栾川县" + blank + "15" + blank + "571" + blank + "1204" + blank + "95.5\n");
    CAPTURE(blank);
    zhreport::Document document = zhreport::analyze_document(text);
    std::vector<std::string> read;
    for (const zhreport::Fact& f : zhreport::find_facts(text, document)) {
      read.push_back(fmt::format("{} {} {} {}", f.metric, f.value, f.unit,
                                 text.substr(f.start, f.end - f.start)));
    }
    std::string joined = fmt::format("{}", fmt::join(read, " | "));
    CAPTURE(joined);
    CHECK(read == std::vector<std::string>{
                      "experts 18  18", "surgeries 624  624", "training_attendances 1530  1,530",
                      "money 1200000 元 120", "experts 15  15", "surgeries 571  571",
                      "training_attendances 1204  1204", "money 955000 元 95.5"});
  }
  // A column that names nothing countable (序号, 县名, 年份) gives its numbers no count.
  std::string years = "一览\n2025-06-30\n县名  年份  备注\n嵩县  2023  新增\n";
  CHECK(zhreport::find_facts(years, zhreport::analyze_document(years)).empty());
}

TEST_CASE("regression: a column named by a verb and its noun (派驻专家) counted teams") {
  // The head of a column's name ends it: 派驻专家 counts experts, though 派驻 alone is a cue of
  // teams (派驻3批).
  std::string text =
      "对口帮扶情况\n2024-01-10\n各县帮扶情况如下:\n县名  派驻专家  接诊患者\n"
      "石泉县  23  4100\n汉阴县  17  3650\n";
  std::vector<std::string> read;
  for (const zhreport::Fact& f : zhreport::find_facts(text, zhreport::analyze_document(text))) {
    read.push_back(fmt::format("{} {}", f.metric, f.value));
  }
  CHECK(read ==
        std::vector<std::string>{"experts 23", "patients 4100", "experts 17", "patients 3650"});
}

TEST_CASE("regression: a column counted in ten thousands (门诊(万人次)) read its cells as ones") {
  // The column's bracket holds 万 before the classifier: its cells leave the multiplier out
  // (8.6 under 门诊(万人次) is 8.6万人次).
  std::string text =
      "援外医疗队工作情况\n2024-05-06\n历年工作情况见下表:\n年份  派驻队员(名)  门诊(万人次)  "
      "手术(台)\n2021  42  8.6  5120\n2022  45  9.25  5630\n";
  std::vector<std::string> read;
  for (const zhreport::Fact& f : zhreport::find_facts(text, zhreport::analyze_document(text))) {
    read.push_back(fmt::format("{} {}", f.metric, f.value));
  }
  CHECK(read == std::vector<std::string>{"experts 42", "patients 86000", "surgeries 5120",
                                         "experts 45", "patients 92500", "surgeries 5630"});
}

TEST_CASE("regression: a column's long name with its unit in brackets named no column") {
  // The bracket writes the unit, not the name: 培训基层医生(人次) is a name of six characters, not
  // nine, and the table under it is read (no cell of it was a count when the name was too long).
  std::string text =
      "帮扶成效\n2025-02-10\n历年帮扶情况如下:\n年份  下派专家(名)  培训基层医生(人次)  "
      "手术(台次)\n2022  12  340  415\n2023  14  365  520\n";
  std::vector<std::string> read;
  for (const zhreport::Fact& f : zhreport::find_facts(text, zhreport::analyze_document(text))) {
    read.push_back(fmt::format("{} {}", f.metric, f.value));
  }
  CHECK(read == std::vector<std::string>{"experts 12", "training_attendances 340", "surgeries 415",
                                         "experts 14", "training_attendances 365",
                                         "surgeries 520"});
}

TEST_CASE("regression: a table written with | between cells was read as a site's menu") {
  // The header's names (one with its unit in brackets) over rows of as many cells; short lines
  // of short items between | are menus only when they hold no table. With or without the outer
  // bars, under a Markdown-like rule or not.
  struct Layout {
    std::string_view name, header, rule, row1, row2;
  };
  const Layout layouts[] = {
      {"outer bars", "| 县名 | 帮扶医院 | 下派人员(人) | 门诊人次 | 手术(台) |", "",
       "| 东宁县 | 省第三医院 | 11 | 4020 | 85 |", "| 绥滨县 | 市中医院 | 8 | 2960 | 64 |"},
      {"rule under the names", "| 县名 | 帮扶医院 | 下派人员(人) | 门诊人次 | 手术(台) |",
       "| --- | --- | :---: | ---: | --- |", "| 东宁县 | 省第三医院 | 11 | 4020 | 85 |",
       "| 绥滨县 | 市中医院 | 8 | 2960 | 64 |"},
      {"inner bars only", "县名|帮扶医院|下派人员(人)|门诊人次|手术(台)", "",
       "东宁县|省第三医院|11|4020|85", "绥滨县|市中医院|8|2960|64"},
  };
  for (const Layout& layout : layouts) {
    CAPTURE(layout.name);
    std::string text =
        "下沉帮扶情况\n2025-03-01\n各县情况如下:\n" + std::string(layout.header) + "\n";
    if (!layout.rule.empty()) text += std::string(layout.rule) + "\n";
    text += std::string(layout.row1) + "\n" + std::string(layout.row2) + "\n以上为部分数据。";
    zhreport::Document document = zhreport::analyze_document(text);
    std::vector<std::string> read;
    for (const zhreport::Fact& f : zhreport::find_facts(text, document)) {
      read.push_back(fmt::format("{} {} {}", f.metric, f.value, f.quote));
    }
    CHECK(read == std::vector<std::string>{"experts 11 11", "patients 4020 4020", "surgeries 85 85",
                                           "experts 8 8", "patients 2960 2960", "surgeries 64 64"});
  }
  // A table that ends the report: its rows, cut at one width, are no teasers of other articles
  std::string last =
      "下沉帮扶情况\n2025-03-01\n| 县名 | 帮扶医院 | 下派人员(人) | 手术(台) |\n"
      "| 东宁县 | 省第三医院 | 11 | 85 |\n| 绥滨县 | 省第四医院 | 8 | 64 |\n"
      "| 萝北县 | 省第五医院 | 6 | 47 |";
  std::vector<std::string> values;
  for (const zhreport::Fact& f : zhreport::find_facts(last, zhreport::analyze_document(last))) {
    values.push_back(fmt::format("{} {}", f.metric, f.value));
  }
  CHECK(values == std::vector<std::string>{"experts 11", "surgeries 85", "experts 8",
                                           "surgeries 64", "experts 6", "surgeries 47"});
  // Full-width bars are normalized to | before the reading (the pipeline's bytes, spans into them)
  std::string bytes =
      "下沉帮扶情况\n2025-03-01\n｜ 县名 ｜ 帮扶医院 ｜ 下派人员（人） ｜ 手术（台） ｜\n"
      "｜ 东宁县 ｜ 省第三医院 ｜ 11 ｜ 85 ｜\n以上为部分数据。";
  std::vector<std::string> read;
  for (const zhreport::Fact& f : zhreport::extract_document("a.txt", bytes).facts) {
    read.push_back(
        fmt::format("{} {} {}", f.metric, f.value, bytes.substr(f.start, f.end - f.start)));
  }
  CHECK(read == std::vector<std::string>{"experts 11 11", "surgeries 85 85"});
  // A site's menu stays a menu, a row of digits under it or not
  std::string menu = "新闻\n2025-03-01\n首页 | 新闻 | 政务公开 | 联系我们\n共派出5名专家。";
  zhreport::Document page = zhreport::analyze_document(menu);
  CHECK(page.blocks[2].kind == zhreport::BlockKind::boilerplate);
}

TEST_CASE("facts: the tables of the count reading are sorted, and no verb is listed twice") {
  for (std::string_view name :
       {"words.tsv", "lists.tsv", "cues.tsv", "frames.tsv", "persons.tsv"}) {
    std::ifstream in(std::string(ZHREPORT_SOURCE_DIR) + "/data/" + std::string(name));
    REQUIRE(in);
    std::string line, previous;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      INFO(name << ": " << line);
      CHECK(previous <= line);
      previous = line;
    }
  }
  // The verbs of data/frames.tsv are cues of the lexicon (facts_lexicon.h), not rows of cues.tsv.
  using zhreport::facts_detail::lexicon;
  struct Derived {
    std::string_view verb, metric, classifier;
    zhreport::facts_detail::Where where;
  };
  const Derived derived[] = {
      {"派出", "experts", "名", zhreport::facts_detail::kBefore},
      {"选派", "experts", "人次", zhreport::facts_detail::kBefore},
      {"培育", "trainees", "名", zhreport::facts_detail::kBefore},
      {"进修", "trainees", "位", zhreport::facts_detail::kAfter},
      {"跟班学习", "trainees", "人", zhreport::facts_detail::kBefore},
  };
  for (const Derived& d : derived) {
    INFO(d.verb);
    const auto* classifier = lexicon().classifier_at(d.classifier, 0);
    REQUIRE(classifier);
    const auto* cue = lexicon().cue_at(d.verb, 0, d.verb.size(), *classifier, d.where);
    REQUIRE(cue);
    CHECK(cue->metric == d.metric);
  }
  size_t same = 0;
  for (const auto& cue : lexicon().cues) {
    for (const auto& other : lexicon().cues) {
      same += &*cue != &*other && cue->text == other->text && cue->metric == other->metric &&
              (cue->where & other->where) && cue->classifiers == other->classifiers;
    }
  }
  CHECK(same == 0);
  // data/lists.tsv, as loaded
  const auto& lists = lexicon().lists;
  REQUIRE(lists.size() >= 4);
  CHECK_FALSE(lists.front().later);
  CHECK(lists.front().becomes == "teams");
  CHECK(lists.back().later);
  CHECK(lists.back().metric.named == zhreport::Override::Named::either);
  struct Elided {
    std::string_view partner, classifier, becomes;
  };
  const Elided elided[] = {{"teams", "名", "experts"},
                           {"training_attendances", "人", "trainees"},
                           {"teams", "人次", ""},
                           {"experts", "名", ""}};
  for (const Elided& e : elided) {
    INFO(e.partner << " " << e.classifier);
    const auto* rule = lexicon().elided(e.partner, e.classifier);
    CHECK((rule ? std::string_view(rule->becomes) : std::string_view()) == e.becomes);
  }
}

TEST_CASE("facts: apply_lists's rows are lists.tsv's but the elided, by which count changes") {
  const auto& lex = zhreport::facts_detail::lexicon();
  size_t later = 0, earlier = 0;
  for (const auto& rule : lex.lists) {
    if (rule.elided) continue;
    const auto& side = rule.later ? lex.lists_later : lex.lists_earlier;
    CHECK(std::count(side.begin(), side.end(), &rule) == 1);
    ++(rule.later ? later : earlier);
  }
  CHECK(lex.lists_later.size() == later);
  CHECK(lex.lists_earlier.size() == earlier);
  CHECK(later > 0);
  CHECK(earlier > 0);
}

TEST_CASE("lexicon: a cue fits the classifiers it names, by their ids") {
  using namespace zhreport::facts_detail;
  const Lexicon& lex = lexicon();
  for (const auto& cue : lex.cues) {
    for (const Classifier& c : lex.classifiers) {
      INFO(cue->text << " " << c.text);
      bool named = std::find(cue->classifiers.begin(), cue->classifiers.end(), c.text) !=
                   cue->classifiers.end();
      CHECK(cue->fits(c, Where(cue->where)) == (cue->any_classifier || named));
      CHECK_FALSE(cue->fits(c, Where(~cue->where & 0x1FF)));
    }
  }
}

TEST_CASE("lexicon: may_start_cue lets through every cue that fits and turns down most others") {
  using namespace zhreport::facts_detail;
  const Lexicon& lex = lexicon();
  const Where wheres[] = {kNoun, kBefore, kAfter, kHead, kTeam, kBuild, Where(kNoun | kHead)};
  std::vector<char32_t> firsts;
  for (const auto& cue : lex.cues) firsts.push_back(code_point_at(cue->text, 0));
  size_t fit = 0, passed = 0;  // of the first characters of the cues, by classifier and position
  for (const Classifier& c : lex.classifiers) {
    for (Where w : wheres) {
      for (char32_t first : firsts) {
        bool fits = false;
        for (const auto& cue : lex.cues) {
          fits = fits || (code_point_at(cue->text, 0) == first && cue->fits(c, w));
        }
        INFO(c.text << " " << w << " " << uint32_t(first));
        if (fits) CHECK(lex.may_start_cue(first, c, w));
        fit += fits;
        passed += lex.may_start_cue(first, c, w);
      }
    }
  }
  size_t asked = firsts.size() * std::size(wheres) * lex.classifiers.size();
  CHECK(passed - fit < (asked - fit) / 10);  // false positives
}

TEST_CASE("lexicon: the inline tests of the non-count word lists agree with the lists") {
  using namespace zhreport::facts_detail;
  const Lexicon& lex = lexicon();
  auto utf8 = [](char32_t c) {
    std::string s;
    zhreport::utf8::append(s, c);
    return s;
  };
  size_t ending = 0, starting = 0;
  for (char32_t c = 0x800; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    for (std::string before : {"", "星", "排名", "12"}) {
      std::string text = before + utf8(c);
      INFO(text);
      CHECK(lex.ends_before_number(text) == lex.before_number.ends(text));
      ending += lex.before_number.ends(text);
      // (the text after a classifier: 个月, 名单)
      for (std::string after : {"", "名", "个", "多", "人"}) {
        std::string rest = after + utf8(c) + "了";
        CHECK(lex.starts_after_classifier(rest) == lex.after_classifier.starts(rest));
        CHECK(lex.starts_after_number(rest) == lex.after_number.starts(rest));
        starting += lex.after_classifier.starts(rest) + lex.after_number.starts(rest);
      }
    }
  }
  CHECK(ending >= 4);     // 第, 周, 星期, 排名前 at least
  CHECK(starting >= 10);  // 名单, 人员, 月, 小时…
  // the qualifier words' (qualify_across_verb: 大约, 至少; after the classifier: 以上, 左右…)
  size_t qualifiers = 0;
  for (char32_t c = 0x800; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    for (std::string before : {"", "大", "至"}) {
      std::string text = before + utf8(c);
      INFO(text);
      bool ends = std::any_of(lex.qualifier_before_verb.begin(), lex.qualifier_before_verb.end(),
                              [&](const auto& w) { return text.ends_with(w.first); });
      if (ends) CHECK(lex.may_end_with_qualifier_before_verb(text));
      qualifiers += ends;
    }
    for (std::string after : {"", "上", "下", "内", "右", "了"}) {
      std::string text = utf8(c) + after;
      INFO(text);
      bool starts = std::any_of(lex.qualifier_after.begin(), lex.qualifier_after.end(),
                                [&](const auto& w) { return text.starts_with(w.first); });
      if (starts) CHECK(lex.may_start_qualifier_after(text, 0, text.size()));
      qualifiers += starts;
    }
  }
  CHECK(qualifiers >= 6);  // 大约, 至少, 以上, 以下, 以内, 左右
  for (std::string_view text :
       {"", "1", "第", "在第", "a第", "周", "礼拜", "12", "名单", "月", "名"}) {
    CHECK(lex.ends_before_number(text) == lex.before_number.ends(text));
    CHECK(lex.starts_after_classifier(text) == lex.after_classifier.starts(text));
    CHECK(lex.starts_after_number(text) == lex.after_number.starts(text));
  }
}
