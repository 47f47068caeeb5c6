import EarshotAnalysis
import Testing

/// What the second round of Chinese review words changed, sentence by sentence: excess forms
/// (太 / 有点 / 偏 + a neutral adjective), 好 as a booster before a sentiment word, neutral
/// aspect words and compounds that used to hide a praise word, and the won't-come-back phrases.
@Suite("Chinese review lexicon")
struct ChineseLexiconTests {
    static let cases: [RuleCase] = [
        RuleCase("太 + neutral adjective complains", "房间太小了", .negative),
        RuleCase("有点 + neutral adjective complains", "机身有点重", .negative),
        RuleCase("偏 + neutral adjective complains", "床偏硬", .negative),
        RuleCase("过于 + praise word complains", "内容过于简单", .negative),
        RuleCase("the adjective alone stays neutral", "房间很大", .neutral),
        RuleCase("the bathroom is not praise for hygiene", "卫生间在门口", .neutral),
        RuleCase("a room type is not praise", "我们住的是豪华间", .neutral),
        RuleCase("soundproofing is an aspect, not praise", "隔音效果不好", .negative),
        RuleCase("a renovated hotel is not a refurbished phone", "酒店去年翻新过", .neutral),
        RuleCase("a refurbished phone is", "收到的是翻新机", .negative),
        RuleCase("好 boosts the sentiment word after it", "好心疼", .negative),
        RuleCase("好 alone is praise", "这个好", .positive),
        RuleCase("won't stay again", "再也不住了", .negative),
        RuleCase("will stay again", "下次还会再住", .positive),
        RuleCase("needs improvement", "散热有待加强", .negative),
        RuleCase("not suitable", "这本书不适合小孩", .negative),
        RuleCase("negligible flaw", "噪音可以忽略", .positive),
        RuleCase("a wish says something is missing", "要是有蓝牙就好了", .negative),
        RuleCase("not good (佳)", "隔音效果不佳", .negative),
        RuleCase("stuffy", "房间很闷", .negative),
        RuleCase("rhetorical 什么 + aspect", "什么质量！", .negative),
        RuleCase("moderate price", "价位适中", .positive),
        RuleCase("a graphics card is not lag (卡)", "换了一块显卡", .neutral),
        RuleCase("lag still is", "玩游戏有点卡", .negative),
        RuleCase("X了点 complains like 有点X", "笔记本重了点", .negative),
        RuleCase("prone to dust", "容易粘灰", .negative),
        // A negator that negates no sentiment word is a mild complaint of its own (as VADER's "no").
        RuleCase("a bare negation complains", "没有内置蓝牙", .negative),
        RuleCase("a missing promised gift", "说好的赠品没有", .negative),
        RuleCase("cannot install", "无法自动安装", .negative),
        RuleCase("a negated complaint is praise, not a complaint too", "价格不贵", .positive),
        RuleCase("the negator reaches over the verb to the result", "水壶没洗干净", .negative),
        RuleCase("不得不 is no negation", "不得不说", .neutral),
        RuleCase("没关系 is no complaint", "没关系", .neutral),
        RuleCase("only then (才) complains", "等了三天才到", .negative),
        RuleCase("hard to (难) complains", "客服电话很难打通", .negative),
        RuleCase("难得 is praise", "难得的好书", .positive),
        RuleCase("XP is Windows, not an emoticon", "装了XP系统", .neutral),
        RuleCase("not as good as (没有 … 那么)", "没有别人说的那么好", .negative),
        RuleCase("such a good (这么) still praises", "这么好的酒店", .positive),
        // Fourth round (2026-11-23): comparisons without 那么, summary verdicts, a few review words.
        RuleCase("not as good as (不如 … , no 那么)", "纸张不如书店卖的版本好", .negative),
        RuleCase("not as tasty as last time", "米饭不如上次好吃", .negative),
        RuleCase("no worse than (不比 … 差)", "这家不比那家差", .positive),
        RuleCase("不如说 is \"rather say\", no comparison", "与其说是点评，不如说是投诉", .negative),
        RuleCase("the summary verdict weighs most", "房间太小，早餐一般，总体感觉还不错", .positive),
        RuleCase("nothing to fault", "这个价位没什么可挑剔的", .positive),
        RuleCase("nothing new", "没有什么新意", .negative),
        RuleCase("low noise is praise", "噪音很小", .positive),
        RuleCase("sends you to sleep", "越看越想睡觉", .negative),
        // Ninth round (2026-11-25): A-not-A questions, warnings, wishes, X问题, a few review words.
        RuleCase("不知道 does not negate the doubt after it", "不知道是不是假货", .negative),
        RuleCase("不知不觉 is no negation", "不知不觉就读完了", .neutral),
        RuleCase("an A-not-A question asks, it does not negate", "这个价位值不值得买", .neutral),
        RuleCase("an A-not-A question alone is neutral", "你们满不满意", .neutral),
        RuleCase("not as good as (并不像 … 那样)", "并不像广告说的那样好用", .negative),
        RuleCase("better not buy warns", "最好不要买", .negative),
        RuleCase("better not stay (最好别) warns", "最好别住这家", .negative),
        RuleCase("a wish for perfection is no praise", "要是有蓝牙就完美了", .neutral),
        RuleCase("好 + a complaint word boosts it", "好脆弱", .negative),
        RuleCase("a safety problem is the problem, not safety", "主要是卫生问题", .negative),
        RuleCase("no safety problem praises", "没有安全问题", .positive),
        RuleCase("好好 (properly) is no praise", "请好好培训一下员工", .neutral),
        RuleCase("好好吃 is still 好 + 好吃", "这家的菜好好吃", .positive),
        RuleCase("still needs work", "服务还有待完善", .negative),
        RuleCase("nothing to say against it (没有话说)", "质量没有话说", .positive),
        RuleCase("an aspect noun holds no praise (稳定性)", "稳定性差", .negative),
        RuleCase("won't come back", "以后再也不会来了", .negative),
        RuleCase("得厉害 intensifies, it is no praise", "晚上吵得厉害", .negative),
        RuleCase("厉害 alone still praises", "作者很厉害", .positive),
        RuleCase("略 + neutral adjective complains like 有点", "机身略厚", .negative),
        RuleCase("稍 + neutral adjective complains", "房间稍小", .negative),
        RuleCase("略高于 compares, with no complaint", "频率略高于同类产品", .neutral),
        RuleCase("the only flaw says the rest pleased", "房间很干净，唯一的缺点是隔音差", .positive),
        RuleCase("a business trip (出差) is not 差", "这次出差住在这里", .neutral),
        RuleCase("not recommended (不建议)", "不建议购买", .negative),
        RuleCase("never book it", "千万别订这家酒店", .negative),
        RuleCase("don't miss it recommends", "千万不要错过这本书", .positive),
        RuleCase("better not miss it (最好不要错过) recommends too", "最好不要错过", .positive),
        RuleCase("Intel Core (酷睿) is a name, not 酷", "这台本本是酷睿双核", .neutral),
        RuleCase("薄弱 is weak, not 弱 alone", "售后服务比较薄弱", .negative),
        RuleCase("突破 is no breakage (破)", "这本书有很大的突破", .positive),
        // Tenth round.
        RuleCase("有点儿 + neutral adjective complains like 有点", "味道有点儿淡", .negative),
        RuleCase("dry food (有点干)", "饼有点干", .negative),
        RuleCase("太干净 is still 太 + 干净", "房间太干净了", .positive),
        RuleCase("generous filling (料很足)", "粥里的料很足", .positive),
        RuleCase("first choice (首选)", "这家一直是我的首选", .positive),
        RuleCase("a small room complains", "房间很小", .negative),
        RuleCase("a remote location complains", "酒店位置比较偏", .negative),
        RuleCase("a longer laugh (哈哈哈) is as 哈哈", "哈哈哈", .positive),
        RuleCase("帅哥 is a form of address, not praise", "是一个帅哥送来的", .neutral),
        RuleCase("never book it, with 定 for 订", "千万别定这家", .negative),
        RuleCase("really something (不是盖的)", "这个喇叭不是盖的", .positive),
        RuleCase("light and handy (轻巧)", "机器很轻巧", .positive),
        RuleCase("better than I expected", "续航超出了我的预期", .positive),
        RuleCase("will stay again (还会住)", "下次来还会住这里", .positive),
        RuleCase("a hard bed complains", "床很硬", .negative),
        RuleCase("a diary-like account (流水账)", "写得像流水账", .negative),
        RuleCase("不怎么地 as 不怎么样", "早餐不怎么地", .negative),
        RuleCase("a gimmick (噱头)", "这个功能就是个噱头", .negative),
        RuleCase("缺少 negates what is lacking", "这本书缺少新意", .negative),
        RuleCase("a bare 缺少 complains as a bare 没有", "菜缺少色香味", .negative),
        RuleCase("enough food (分量够)", "分量够", .positive),
        RuleCase("small portions, with the 份 spelling", "份量很少", .negative),
        RuleCase("lost face (没面子)", "真没面子", .negative),
        RuleCase("shoddy (很次)", "印刷质量很次", .negative),
        RuleCase("still needs work (要完善)", "还有些细节要完善", .negative),
        RuleCase("a loud fan complains", "风扇声音比较大", .negative),
        RuleCase("professionals (专业人士) are no praise", "装系统需要专业人士", .neutral),
        RuleCase("won't stay again (不会再次入住)", "我是不会再次入住了", .negative),
        RuleCase("lacking (欠缺)", "服务还有些欠缺", .negative),
        RuleCase("a wish (那就没话说了) says it is not so yet", "要是有早餐那就没话说了", .neutral),
        RuleCase("难以 negates what follows", "早餐难以令人满意", .negative),
        RuleCase("unforgettable (难以忘怀) praises", "令人难以忘怀", .positive),
        RuleCase("can't bear it is no praise", "最让人无法忍受的是隔音", .negative),
        RuleCase("can't tolerate it (不能容忍)", "这种态度不能容忍", .negative),
    ]

    @Test("Chinese review expressions", arguments: cases)
    func expression(_ rule: RuleCase) throws {
        try expectPolarity(rule, language: "zh")
    }

    @Test("好 before a sentiment word makes it stronger, not more positive")
    func haoBoosts() throws {
        let scorer = try ScoreFixtures.scorer()
        let plain = scorer.score("失望", language: "zh").sentiment.compound
        let boosted = scorer.score("好失望", language: "zh").sentiment.compound
        #expect(plain < 0 && boosted < plain, "失望 \(plain), 好失望 \(boosted)")
    }
}
