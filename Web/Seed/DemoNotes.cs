using Hangfire;
using RedMvc.Workers.Files;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>About 200 published notes by the demo members across every channel, photos processed by the real pipeline.</summary>
public class DemoNotes(AppDbContext db, IFileStore files, IBackgroundJobClient jobs, ILogger<DemoNotes> logger)
{
    public const int Count = 200;

    private static readonly Dictionary<string, (string Title, string Body)[]> Ideas = new()
    {
        ["fashion"] = [("秋冬叠穿公式｜显高显瘦", "155 小个子也能穿出大长腿 #秋冬穿搭 #小个子穿搭"), ("一衣多穿的白衬衫", "通勤约会都能搞定 #通勤穿搭"), ("Denim, three ways", "One jacket, three looks #ootd"), ("早秋第一件风衣", "卡其色永远不会错 #早秋穿搭 #风衣"), ("小众设计师包包合集", "百元到千元都有 #包包分享"), ("A 12-piece wardrobe", "A month of outfits #ootd")],
        ["food"] = [("藏在弄堂里的本帮菜", "红烧肉入口即化，人均 80 #上海美食 #探店"), ("十分钟快手早餐", "上班族也能吃好早饭 #早餐 #家常菜"), ("Best dumplings", "Thin skin, rich soup #探店"), ("在家复刻网红甜品", "零失败巴斯克蛋糕 #烘焙 #甜品"), ("成都苍蝇馆子地图", "本地人带路 #成都美食 #探店"), ("Sunday brunch", "Eggs, toast and good coffee #早午餐")],
        ["beauty"] = [("黄皮显白口红合集", "试色无滤镜 #口红试色 #彩妆"), ("油皮夏天底妆不脱妆", "亲测 12 小时 #底妆"), ("My 5-minute makeup", "Natural look for work #彩妆"), ("敏感肌护肤清单", "换季不泛红 #护肤 #敏感肌"), ("平价眼影盘测评", "学生党闭眼入 #眼影"), ("Dry-winter skincare", "What finally worked for me #护肤")],
        ["film"] = [("治愈系电影片单", "周末窝在家里看 #电影推荐"), ("这部剧的配乐绝了", "单曲循环一整天 #追剧"), ("Rainy-day films", "Slow, warm, beautiful #电影推荐"), ("年度十佳剧集", "每一部都值得二刷 #追剧"), ("冷门宝藏纪录片", "看完想去旅行 #纪录片"), ("Soundtracks I loved", "On repeat all week #电影推荐")],
        ["career"] = [("面试被问到的 10 个问题", "附我的回答思路 #求职 #面试"), ("打工人效率工具分享", "每天早下班一小时 #效率"), ("How I plan my week", "Time blocking that works #职场"), ("转行产品经理一年", "踩过的坑都在这里 #职场 #转行"), ("简历怎么写才被看见", "HR 朋友的建议 #求职"), ("Remote work setup", "Desk, light and routine #职场")],
        ["relationships"] = [("异地恋三年的小习惯", "每天一通电话 #恋爱日常"), ("和爸妈好好说话", "沟通其实不难 #家庭"), ("Small things matter", "Notes to my partner #恋爱日常"), ("一个人的周末也很好", "给自己的约会 #独处"), ("闺蜜十年的默契", "谢谢你一直都在 #友情"), ("Long-distance tips", "Small rituals that help #恋爱日常")],
        ["home"] = [("30 平小家改造记录", "花了 2 万，效果惊艳 #家居改造 #租房改造"), ("阳台变身咖啡角", "每天都想待在这里 #阳台改造"), ("A cozy reading nook", "Warm light and a soft chair #家居"), ("收纳让家大了一倍", "宜家好物清单 #收纳 #家居好物"), ("卧室氛围灯推荐", "睡前一小时的仪式感 #家居"), ("Plants I can't kill", "Easy green corner #家居")],
        ["games"] = [("通关后的一点感想", "剧情太好哭了 #游戏推荐"), ("双人游戏推荐", "和对象一起玩不吵架 #双人游戏"), ("My cozy game list", "Perfect for winter nights #游戏推荐"), ("独立游戏宝藏清单", "小而美的好游戏 #独立游戏"), ("手柄选购指南", "从入门到进阶 #游戏外设"), ("Co-op game nights", "Games that never get old #双人游戏")],
        ["travel"] = [("周末露营攻略", "装备清单和营地推荐 #露营 #周末去哪儿"), ("大理七天慢生活", "洱海边的日落太美了 #大理 #旅行"), ("Kyoto in autumn", "Temples, maples and matcha #旅行"), ("厦门三天两晚", "鼓浪屿避开人流 #厦门 #旅行"), ("川西自驾路线", "雪山草原一次看够 #自驾 #川西"), ("Lisbon on a budget", "Trams, tarts and viewpoints #旅行")],
        ["fitness"] = [("30 天练出马甲线", "每天 20 分钟，附动作 #健身 #减脂"), ("新手跑步不伤膝", "配速和跑鞋怎么选 #跑步"), ("Morning stretches", "10 minutes, no gear #健身"), ("居家哑铃全身训练", "一对哑铃练全身 #健身"), ("增肌期一周食谱", "高蛋白也好吃 #健身餐"), ("Couch to 5K", "It works, slowly #跑步")],
    };

    private static readonly string[] Places = ["上海 · 武康路", "杭州 · 西湖", "大理 · 洱海", "北京 · 三里屯", "成都 · 太古里", "广州 · 东山口", "Kyoto", ""];

    public async Task SeedAsync(IReadOnlyList<string> authorIds, CancellationToken cancellationToken = default)
    {
        if (authorIds.Count == 0 || await db.Notes.AnyAsync(cancellationToken)) return;
        logger.LogInformation("Seeding {Count} demo notes with photos...", Count);
        var channels = Channels.All.Where(c => c != Channels.Recommended).ToList();
        var now = DateTime.UtcNow;
        var limits = new NoteLimits();
        var notes = new List<Note>();
        var photos = DrawPhotos();
        for (var i = 0; i < Count; i++)
        {
            var channel = channels[i % channels.Count];
            var (title, body) = Ideas[channel][i / channels.Count % Ideas[channel].Length];
            var publishedAt = now.AddMinutes(-(i * 211 % (30 * 24 * 60)) - 5);
            var content = new NoteContent(title, body, channel, Places[i % Places.Length], NoteVisibility.Public, AiAssisted: i % 17 == 0);
            var stored = new List<NewPhoto>();
            for (var p = 0; p < PhotosOf(i); p++) stored.Add(new NewPhoto(await StorePhotoAsync(photos[(i, p)], cancellationToken), $"demo-{i}-{p}.jpg"));
            var post = new NotePost(content, PostAction.Publish, null, [], stored.Count);
            notes.Add(await NotePosting.SaveAsync(db, authorIds[(i + i / channels.Count) % authorIds.Count], null, post, stored, limits, publishedAt, cancellationToken: cancellationToken));
        }
        foreach (var note in notes) jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunAsync(note.Id, CancellationToken.None));
    }

    private static int PhotosOf(int note) => 1 + note % 4;

    /// <summary>Draws every demo photo on all cores at once: drawing is the slow part of seeding.</summary>
    private static Dictionary<(int Note, int Photo), byte[]> DrawPhotos()
    {
        var wanted = Enumerable.Range(0, Count).SelectMany(n => Enumerable.Range(0, PhotosOf(n)).Select(p => (n, p))).ToList();
        var drawn = new System.Collections.Concurrent.ConcurrentDictionary<(int, int), byte[]>();
        Parallel.ForEach(wanted, item =>
        {
            // Mostly 3:4 portraits, as on the real site, with some squares and landscapes.
            var (width, height) = ((item.n * 7 + item.p * 3) % 5) switch { 3 => (720, 720), 4 => (800, 600), _ => (720, 960) };
            drawn[item] = DemoPhotos.Jpeg(width, height, item.n * 7 + item.p * 5);
        });
        return new Dictionary<(int, int), byte[]>(drawn);
    }

    private async Task<string> StorePhotoAsync(byte[] jpeg, CancellationToken cancellationToken)
    {
        var key = $"originals/demo-{Guid.NewGuid():N}";
        await using var stream = new MemoryStream(jpeg);
        await files.SaveAsync(key, stream, cancellationToken);
        return key;
    }
}
