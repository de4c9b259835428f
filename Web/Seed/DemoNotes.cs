using Hangfire;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>
/// One published note per idea (100, ten in each channel) by the demo members, spread over the past
/// month, photos processed by the real pipeline in the bulk queue. Resumes after the notes already there.
/// </summary>
public class DemoNotes(AppDbContext db, IFileStore files, IBackgroundJobClient jobs, ILogger<DemoNotes> logger)
{
    public static int Count => Ideas.Values.Sum(ideas => ideas.Length);

    private static readonly Dictionary<string, (string Title, string Body)[]> Ideas = new()
    {
        ["fashion"] = [("秋冬叠穿公式｜显高显瘦", "155 小个子也能穿出大长腿 #秋冬穿搭 #小个子穿搭"), ("一衣多穿的白衬衫", "通勤约会都能搞定 #通勤穿搭"), ("Denim, three ways", "One jacket, three looks #ootd"), ("早秋第一件风衣", "卡其色永远不会错 #早秋穿搭 #风衣"), ("小众设计师包包合集", "百元到千元都有 #包包分享"), ("A 12-piece wardrobe", "A month of outfits #ootd"), ("通勤包里装了什么", "打工人的随身好物 #通勤穿搭"), ("Layers for cold days", "Warm without the bulk #ootd"), ("梨形身材选裤指南", "阔腿裤才是好朋友 #穿搭技巧"), ("一周不重样的针织衫", "温柔又好搭 #秋冬穿搭")],
        ["food"] = [("藏在弄堂里的本帮菜", "红烧肉入口即化，人均 80 #上海美食 #探店"), ("十分钟快手早餐", "上班族也能吃好早饭 #早餐 #家常菜"), ("Best dumplings", "Thin skin, rich soup #探店"), ("在家复刻网红甜品", "零失败巴斯克蛋糕 #烘焙 #甜品"), ("成都苍蝇馆子地图", "本地人带路 #成都美食 #探店"), ("Sunday brunch", "Eggs, toast and good coffee #早午餐"), ("人均 30 的宝藏面馆", "汤头熬了八小时 #探店 #面食"), ("Homemade ramen night", "Broth, noodles and patience #家常菜"), ("低卡便当一周合集", "好吃不胖 #减脂餐 #便当"), ("杭州龙井虾仁做法", "春天的味道 #家常菜")],
        ["beauty"] = [("黄皮显白口红合集", "试色无滤镜 #口红试色 #彩妆"), ("油皮夏天底妆不脱妆", "亲测 12 小时 #底妆"), ("My 5-minute makeup", "Natural look for work #彩妆"), ("敏感肌护肤清单", "换季不泛红 #护肤 #敏感肌"), ("平价眼影盘测评", "学生党闭眼入 #眼影"), ("Dry-winter skincare", "What finally worked for me #护肤"), ("新手化妆刷怎么选", "五把刷子就够了 #彩妆工具"), ("Sunscreen I finish", "Light and no white cast #护肤"), ("秋冬身体乳测评", "告别干痒 #身体护理"), ("十分钟出门伪素颜", "清透不假面 #底妆")],
        ["film"] = [("治愈系电影片单", "周末窝在家里看 #电影推荐"), ("这部剧的配乐绝了", "单曲循环一整天 #追剧"), ("Rainy-day films", "Slow, warm, beautiful #电影推荐"), ("年度十佳剧集", "每一部都值得二刷 #追剧"), ("冷门宝藏纪录片", "看完想去旅行 #纪录片"), ("Soundtracks of 2026", "On repeat all week #电影推荐"), ("看哭三次的动画电影", "纸巾准备好 #电影推荐 #动画"), ("Classics to start", "Ten that still hold up #电影推荐"), ("悬疑剧熬夜也要看完", "结局完全猜不到 #追剧 #悬疑"), ("宫崎骏电影里的美食", "想一口吃掉 #动画")],
        ["career"] = [("面试被问到的 10 个问题", "附我的回答思路 #求职 #面试"), ("打工人效率工具分享", "每天早下班一小时 #效率"), ("How I plan my week", "Time blocking that works #职场"), ("转行产品经理一年", "踩过的坑都在这里 #职场 #转行"), ("简历怎么写才被看见", "HR 朋友的建议 #求职"), ("Remote work setup", "Desk, light and routine #职场"), ("第一份工作学到的事", "写给刚毕业的自己 #职场"), ("Saying no at work", "Kind, clear and short #职场"), ("副业一年的真实收入", "不鸡汤的分享 #副业"), ("周报这样写领导爱看", "三段式模板 #效率")],
        ["relationships"] = [("异地恋三年的小习惯", "每天一通电话 #恋爱日常"), ("和爸妈好好说话", "沟通其实不难 #家庭"), ("Small things matter", "Notes to my partner #恋爱日常"), ("一个人的周末也很好", "给自己的约会 #独处"), ("闺蜜十年的默契", "谢谢你一直都在 #友情"), ("Long-distance tips", "Small rituals that help #恋爱日常"), ("和室友好好相处", "三条约定就够了 #合租"), ("Friends after 30", "Clubs, classes and patience #友情"), ("给妈妈的生日惊喜", "她哭了，我也哭了 #家庭"), ("吵架后怎么和好", "先抱一下再说 #恋爱日常")],
        ["home"] = [("30 平小家改造记录", "花了 2 万，效果惊艳 #家居改造 #租房改造"), ("阳台变身咖啡角", "每天都想待在这里 #阳台改造"), ("A reading corner", "Warm light and a soft chair #家居"), ("收纳让家大了一倍", "宜家好物清单 #收纳 #家居好物"), ("卧室氛围灯推荐", "睡前一小时的仪式感 #家居"), ("Plants that survive", "Easy green corner #家居"), ("玄关收纳小心机", "进门就清爽 #收纳 #家居"), ("A tiny kitchen", "Hooks, rails and one shelf #家居"), ("旧沙发改造记", "一块布焕然一新 #家居改造"), ("浴室好物清单", "小空间也能干湿分离 #家居好物")],
        ["games"] = [("通关后的一点感想", "剧情太好哭了 #游戏推荐"), ("双人游戏推荐", "和对象一起玩不吵架 #双人游戏"), ("My cozy game list", "Perfect for winter nights #游戏推荐"), ("独立游戏宝藏清单", "小而美的好游戏 #独立游戏"), ("手柄选购指南", "从入门到进阶 #游戏外设"), ("Co-op game nights", "Games that never get old #双人游戏"), ("开放世界游戏推荐", "一玩就是一整天 #游戏推荐"), ("Quiet puzzle games", "Short, clever, calm #独立游戏"), ("Switch 必买清单", "入手不后悔 #游戏推荐"), ("桌游聚会玩什么", "六人局不冷场 #桌游")],
        ["travel"] = [("周末露营攻略", "装备清单和营地推荐 #露营 #周末去哪儿"), ("大理七天慢生活", "洱海边的日落太美了 #大理 #旅行"), ("Kyoto in autumn", "Temples, maples and matcha #旅行"), ("厦门三天两晚", "鼓浪屿避开人流 #厦门 #旅行"), ("川西自驾路线", "雪山草原一次看够 #自驾 #川西"), ("Lisbon on a budget", "Trams, tarts and viewpoints #旅行"), ("青岛海边两日游", "啤酒和海鲜管够 #青岛 #旅行"), ("Dragon's Back hike", "Views all the way down #旅行"), ("西安吃喝玩一条龙", "城墙骑车太爽了 #西安 #旅行"), ("周末古镇慢游", "人少景美 #周末去哪儿")],
        ["fitness"] = [("30 天练出马甲线", "每天 20 分钟，附动作 #健身 #减脂"), ("新手跑步不伤膝", "配速和跑鞋怎么选 #跑步"), ("Morning stretches", "10 minutes, no gear #健身"), ("居家哑铃全身训练", "一对哑铃练全身 #健身"), ("增肌期一周食谱", "高蛋白也好吃 #健身餐"), ("Couch to 5K", "It works, slowly #跑步"), ("办公室五分钟拉伸", "肩颈不再酸 #健身 #拉伸"), ("Learning to swim", "Breathe, then glide #健身"), ("瑜伽入门第一周", "柔韧性慢慢来 #瑜伽"), ("跳绳减脂一个月", "每天一千个 #减脂")],
    };

    private static readonly string[] Places = ["上海 · 武康路", "杭州 · 西湖", "大理 · 洱海", "北京 · 三里屯", "成都 · 太古里", "广州 · 东山口", "Kyoto", ""];

    public async Task SeedAsync(IReadOnlyList<string> authorIds, DemoProgress progress, CancellationToken cancellationToken = default)
    {
        var done = await db.Notes.CountAsync(cancellationToken);
        if (authorIds.Count == 0 || done >= Count) return;
        logger.LogInformation("Seeding demo notes {From} to {Count} with photos; the site answers meanwhile", done + 1, Count);
        var channels = Channels.All.Where(c => c != Channels.Recommended).ToList();
        var now = DateTime.UtcNow;
        var limits = new NoteLimits();
        for (var i = done; i < Count; i++)
        {
            var channel = channels[i % channels.Count];
            var (title, body) = Ideas[channel][i / channels.Count];
            var publishedAt = now.AddMinutes(-(i * 1297 % (30 * 24 * 60)) - 5); // scattered over the past 30 days
            var content = new NoteContent(title, body, channel, Places[i % Places.Length], NoteVisibility.Public, AiAssisted: i % 17 == 0);
            var stored = new List<NewPhoto>();
            foreach (var photo in DrawPhotos(i)) stored.Add(new NewPhoto(await StorePhotoAsync(photo, cancellationToken), $"demo-{i}-{stored.Count}.jpg"));
            var post = new NotePost(content, PostAction.Publish, null, [], stored.Count);
            var note = await NotePosting.SaveAsync(db, authorIds[(i + i / channels.Count) % authorIds.Count], null, post, stored, limits, publishedAt, cancellationToken: cancellationToken);
            // Bulk: a member's own upload goes first. A note whose job was lost in a stop is swept up later.
            jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunInBulkAsync(note.Id, CancellationToken.None));
            progress.NoteSeeded();
        }
    }

    private static int PhotosOf(int note) => 1 + note % 4;

    /// <summary>A note's photos, drawn side by side (drawing is the slow part of seeding).</summary>
    private static byte[][] DrawPhotos(int note)
    {
        var drawn = new byte[PhotosOf(note)][];
        Parallel.For(0, drawn.Length, p =>
        {
            // Mostly 3:4 portraits, as on the real site, with some squares and landscapes.
            var (width, height) = ((note * 7 + p * 3) % 5) switch { 3 => (720, 720), 4 => (800, 600), _ => (720, 960) };
            drawn[p] = DemoPhotos.Jpeg(width, height, note * 7 + p * 5);
        });
        return drawn;
    }

    private async Task<string> StorePhotoAsync(byte[] jpeg, CancellationToken cancellationToken)
    {
        var key = $"originals/demo-{Guid.NewGuid():N}";
        await using var stream = new MemoryStream(jpeg);
        await files.SaveAsync(key, stream, cancellationToken);
        return key;
    }
}
