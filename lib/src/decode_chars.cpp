#include "decode_chars.h"

#include <string_view>

#include "utf8.h"

namespace zhreport::decode_detail {

namespace {

// The ~1150 most frequent characters of Chinese news text. Real Chinese text is mostly made of
// them; text decoded with the wrong charset is made of characters picked almost at random.
constexpr std::string_view kCommonSimplified =
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可"
    "也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方"
    "多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情"
    "明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世"
    "位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几"
    "口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再"
    "感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空"
    "决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设"
    "式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传"
    "师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲"
    "极林服快办议往元英士证近失转夫令准布始怎存未远叫台单影具罗字"
    "爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际"
    "约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗"
    "包片史委乎查轻易早曾除农找装广显吧李标谈吃图念六引历首医局突"
    "专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节"
    "土投某案黑维革划致陈律足态护七兴派孩验责营星够章音跟志底站严"
    "例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围"
    "江织害斗双境客纪采举攻父苏密低朝友诉止细愿千值仍男钱破网热助"
    "倒育属坐限船职速刻乐否刚威状率甚独球般普怕弹校苦创假久错承印"
    "晚试股拿脑预谁益阳若哪微继送急血伤素药适波夜省初喜卫源食险待"
    "述陆习置居劳财环排福纳欢获模充负云停木游龙树疑层冷洲射略范竟"
    "句室异激汉村策演简卡判担州静退既衣宗积余痛检差富灵协角占配征"
    "修皮胜降阶审坚善刘读超免压银买养执副乱抗犯追帮宣岁航优香著田"
    "铁控税左右份穿艺背阵草脚概块顿敢守酒岛托央户烈洋索款靠评版宝"
    "座释景顾登货互付慢欧换闻危忙核介坏讨良序升监临亮露永呼味野架"
    "域沙括吉减编楚肯测败梦散温困封救贵缺楼县尚移朋画班智恩短掌恐"
    "遗固席松秘谢遇康虑均销钟藏赶剧票损旧端探湖录叶春乡附吸予礼港"
    "雨板庭妇归饭额含顺输招脱补谓督毒油疗旅泽材逐笔鲜词择寻厂博烟"
    "授载健堂旁宫借君禁园谋避抓荣孙束跳顶镇午练迫篇肉馆遍凡础卷牛"
    "宁纸诸训私庄祖翻森塔握访弱歌店典欲伙遭盘扩盖雄稳亿拥齐赛趣迎"
    "冰析透购替努途侵刑绿迅套贸毕唯谷轮库迹尤竞街促延震弃伟申缓售"
    "针络抵抱植纯筑折郑贝尊吴秀混振染盛圆措姓残培诚宽摆毁伸盟末拍"
    "硬操阻订彩抽赞纷沿违汇币丰蓝殊献距裁偏符勇触课敬障讯涉彻刊役"
    "描洗患妙镜签仿倾牌播茶疾缘季丹仪宜桥恨繁伴旦愈潮粮缩聚径挑袋"
    "灰启忠累暂估泛偿拒零穷舍码赖圈署壁御奉冬矿晨倍盾杯诊乏隆摄污"
    "渡旗甘耐凭扎综返井壮薄扫敏碍殖详键伍峰贯券崇扰宪趋励辞舒悉援"
    "疆驻扶童骨麻醉症肿瘤";
// Traditional forms of the above where they differ.
constexpr std::string_view kCommonTraditional =
    "並乾亂亞佔來個們偉備傳傷傾僅價儀億償優兒內兩別則剛創劃劇劉動"
    "務勝勞勢勵匯區協卻參吳員問啓喫單嗎嚴國圍園圓圖團執堅報場塊壓"
    "壞壯夠夢夥婦孫學宮實寧審寫寬寶將專尋對導層屬峯島師帶幣幫幾庫"
    "廠廣張強彈後徑從徵徹愛態慮憑憲應戰戶掃採換損擁擇擊擔據擴擺擾"
    "攝敗數斷於時暫書會東條棄業極榮構樂樓標樣樹橋機檢權歐歡歲歷歸"
    "殘毀氣決沒況減測準溫滿漢澤濟無煙熱營爭爲狀獨獲獻現環產畢畫異"
    "當療發盡監盤確碼礎礙礦祕禮稅種稱積穩窮競筆節範築簡籤糧紀約紅"
    "納純紙級紛細終組結絕絡給統經綜綠維網緊線緣編緩練縣縮總織繼續"
    "羅羣義習聞聯聲職聽脫腦腫腳臨臺與興舉舊莊華萬葉蓋藍藝藥蘇處號"
    "衆術衛裏補裝覆見規視親覺觀觸訂計訊討訓託記訪設許訴診評詞試話"
    "該詳認語誠說誰課調談請論諸謀謂講謝證識議護讀變讓豐貝負財貨貫"
    "責貴買費貿資質賴購賽贊趕趨跡車軍較載輕輪輸轉辦辭農這連進運過"
    "達違遠適選遺還邊鄉鄭醫釋針銀銷錄錢錯鍵鍾鎮鏡鐵長門開間關陣陳"
    "陸陽隊階際隨險雖雙離難雲電靈靜響頂項順須預頓領頭題額願類顧顯"
    "風飛飯養餘館馬駐驗體鬥鮮麼黃點黨齊龍";

void mark(HanClasses& classes, std::string_view three_byte_utf8, CharClass frequent) {
  auto* p = reinterpret_cast<const unsigned char*>(three_byte_utf8.data());
  for (size_t i = 0; i + 2 < three_byte_utf8.size(); i += 3) {
    CharClass& k = classes[utf8::code_point(p + i, 3) - kHanFirst];
    if (k == CharClass::rare_han) k = frequent;  // Simplified first: a form in both lists is common
  }
}

}  // namespace

const HanClasses& han_classes() {
  static const HanClasses classes = [] {
    HanClasses table;
    table.fill(CharClass::rare_han);
    mark(table, kCommonSimplified, CharClass::common_han);
    mark(table, kCommonTraditional, CharClass::common_traditional_han);
    return table;
  }();
  return classes;
}

CharClass char_class(char32_t c) {
  if (c >= kHanFirst && c < kHanEnd) return han_classes()[c - kHanFirst];
  if (c == 0xFFFD) return CharClass::ordinary;  // counted as invalid
  return is_ordinary(c) ? CharClass::ordinary : CharClass::strange;
}

}  // namespace zhreport::decode_detail
