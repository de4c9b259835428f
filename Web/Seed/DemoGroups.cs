using RedMvc.Domain.Groups;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>
/// Eight groups across the channels, each with an owner, a moderator, most readers as members, a pinned
/// rules thread and 32 threads with replies; one question with an accepted answer per group, and one
/// private group with a request waiting. Threads and replies go in bulk (one save per group, then the
/// counts recomputed as the nightly job does); the acts people would notice (pin, answer, request,
/// a few replies) go through the Domain workflows, so the log and the notifications are real.
/// </summary>
public class DemoGroups(AppDbContext db, GroupActivityJob activity, ILogger<DemoGroups> logger)
{
    private const int ThreadsPerGroup = 32;

    private record Idea(string Name, string Channel, string Description, bool IsPrivate, string[] Titles, string[] Replies);

    private static readonly Idea[] Ideas =
    [
        new("周末露营俱乐部", "travel", "帐篷、营地、装备和篝火边的故事。新手老手都欢迎。", false,
            ["第一次露营带什么？", "江浙沪营地推荐", "Tent for windy coasts?", "下雨天怎么搭天幕", "露营做饭神器", "带娃露营注意事项", "Best sleeping pad under ¥500", "冬季露营保暖经验"],
            ["强烈推荐带一块防潮垫", "我去过，晚上风很大", "Bring extra stakes!", "天幕一定要斜着搭", "卡式炉最方便", "同问，蹲一个答案", "这个营地夏天蚊子多", "Thanks, very helpful"]),
        new("上海探店小分队", "food", "吃遍上海弄堂小馆和新开的店，只说真话。", false,
            ["武康路新开的面包店", "人均 50 以内的本帮菜", "Best xiaolongbao?", "排队两小时值得吗", "深夜食堂推荐", "适合约会的小餐厅", "Brunch spots near Jing'an", "梅雨季的甜品续命"],
            ["上周刚去过，好吃！", "排队太久了劝退", "Their crab roe one is great", "价格有点贵但值得", "老板人超好", "收藏了周末去", "口味偏甜", "Agree, 10/10"]),
        new("健身打卡营", "fitness", "每天练一点，在这里打卡互相监督。", false,
            ["今天的训练打卡", "膝盖痛还能跑步吗", "Home workout with one kettlebell", "增肌期怎么吃", "平台期怎么突破", "晨练还是夜练", "Stretching routine for desk workers", "跳绳一个月的变化"],
            ["打卡+1", "先看医生再决定", "Try goblet squats", "多吃蛋白质", "换个训练计划试试", "我习惯晚上练", "Great routine", "坚持就是胜利"]),
        new("通勤穿搭研究所", "fashion", "上班也要好看：一周不重样的通勤穿搭。", false,
            ["一周通勤穿搭分享", "小个子西装怎么选", "Smart casual for Fridays", "平价针织衫推荐", "通勤包求推荐", "冬天怎么穿不臃肿", "Shoes for a long commute", "白衬衫的十种穿法"],
            ["第三套好好看", "选短款更显高", "Loafers are my go-to", "优衣库的就很好", "托特包最实用", "叠穿是关键", "Love this", "求链接"]),
        new("小户型改造", "home", "30 平也能住得舒服：收纳、灯光、改造日记。", false,
            ["租房改造预算多少合适", "洞洞板收纳好用吗", "Small kitchen storage ideas", "卧室氛围灯怎么选", "玄关太小怎么办", "旧家具翻新记录", "Plants for a dark room", "阳台改书房"],
            ["两千以内就能变样", "好用，但要规划好", "Magnetic racks!", "暖光 2700K", "挂墙鞋柜", "求教程", "Pothos never dies", "太有想法了"]),
        new("敏感肌互助会", "beauty", "换季泛红、屏障受损？一起交流温和护肤。", false,
            ["换季泛红怎么办", "敏感肌能用 A 醇吗", "Gentle cleanser recommendations", "防晒搓泥怎么解决", "医美术后护理", "精简护肤一个月", "Moisturizer for winter", "面膜一周敷几次"],
            ["先停掉所有功效产品", "建立耐受慢慢来", "Try a cream cleanser", "换一款质地试试", "遵医嘱最重要", "精简后好多了", "Ceramides help", "一周两次就够"]),
        new("Switch 玩家", "games", "新游推荐、联机约人、通关心得。", false,
            ["本周在玩什么", "双人游戏推荐", "Looking for co-op partners", "塞尔达通关感想", "手柄漂移怎么办", "独立游戏宝藏", "Best party games", "新手入坑买哪些"],
            ["在玩动森", "胡闹厨房必须有", "Add me!", "结局哭了", "送修就好", "空洞骑士！", "Mario Party", "马车 8 必买"]),
        new("胶片摄影暗房", "film", "私密小组：胶片、冲扫和相机维修，入组请介绍一下你的相机。", true,
            ["最近拍的一卷", "Portra 400 还值得买吗", "Home developing setup", "旁轴对焦技巧", "扫描仪推荐", "过期胶卷怎么拍", "Best lens for street", "相机维修去哪"],
            ["色调好温柔", "涨价了但还是爱", "Start with B&W", "多练习就好", "V600 入门够用", "多加一档曝光", "35mm all day", "上海有家老店"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // Owners and moderators are the demo's people, not its brands or staff.
        var handles = DemoSeeder.Members.Where(m => m.Roles.Length > 0 && !m.Roles.Contains(Roles.Brand) && !m.Roles.Contains(Roles.Staff)).Select(m => m.Handle).ToList();
        var demoMembers = await db.Users.Where(u => handles.Contains(u.Handle)).OrderBy(u => u.Handle).Select(u => u.Id).ToListAsync(cancellationToken);
        if (demoMembers.Count < 4 || await db.Groups.AnyAsync(cancellationToken)) return;
        var readers = await db.Users.Where(u => u.Email!.EndsWith("@readers." + DemoSeeder.DemoDomain)).OrderBy(u => u.Handle).Select(u => u.Id).ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var limits = new GroupLimits();
        for (var g = 0; g < Ideas.Length; g++)
            await SeedGroupAsync(Ideas[g], g, demoMembers, readers, limits, now, cancellationToken);
        await activity.RecountAsync(cancellationToken);
        await activity.RefreshAsync(cancellationToken);
        logger.LogInformation("Demo groups seeded");
    }

    private async Task SeedGroupAsync(Idea idea, int index, IReadOnlyList<string> demoMembers, IReadOnlyList<string> readers, GroupLimits limits, DateTime now, CancellationToken cancellationToken)
    {
        var ownerId = demoMembers[index % demoMembers.Count];
        var moderatorId = demoMembers[(index + 1) % demoMembers.Count];
        var started = now.AddDays(-40 + index);
        var group = await GroupMemberships.CreateAsync(db, ownerId,
            new GroupInput(idea.Name, idea.Description, "1. 友善交流，不人身攻击\n2. 不发广告和引流\n3. 提问前先搜索一下", idea.Channel, idea.IsPrivate), limits, started, cancellationToken);
        var members = new List<string> { moderatorId };
        members.AddRange(readers.Where((_, r) => (r + index) % 3 != 0));
        foreach (var (memberId, m) in members.Select((id, m) => (id, m)))
        {
            await GroupMemberships.JoinAsync(db, group, memberId, started.AddHours(m + 1), cancellationToken);
            if (idea.IsPrivate) await GroupMemberships.ApproveAsync(db, group, await MembershipAsync(group.Id, ownerId), memberId, started.AddHours(m + 2), cancellationToken);
        }
        await GroupMemberships.SetModeratorAsync(db, group, await MembershipAsync(group.Id, ownerId), moderatorId, true, started.AddDays(1), cancellationToken);
        if (idea.IsPrivate && readers.FirstOrDefault(r => !members.Contains(r)) is { } asking)
            await GroupMemberships.JoinAsync(db, group, asking, now.AddHours(-3), cancellationToken); // a request waiting for a moderator

        var posters = members.Prepend(ownerId).ToList();
        var rules = GroupThread.Start(group.Id, ownerId, ThreadKind.Discussion, "圈规｜新人必读", "欢迎加入！发帖前请看一下圈规：\n1. 友善交流\n2. 不发广告\n3. 提问请写清楚背景", started.AddHours(1));
        db.GroupThreads.Add(rules);
        var threads = new List<GroupThread>();
        for (var t = 0; t < ThreadsPerGroup; t++)
        {
            var title = idea.Titles[t % idea.Titles.Length] + (t < idea.Titles.Length ? "" : $"（{t / idea.Titles.Length + 1}）");
            var kind = t % 4 == 1 ? ThreadKind.Question : ThreadKind.Discussion;
            var createdAt = now.AddMinutes(-((ThreadsPerGroup - t) * 1117 + index * 97));
            var thread = GroupThread.Start(group.Id, posters[(t * 7 + index) % posters.Count], kind, title,
                $"{title}\n大家有什么经验吗？欢迎分享 #{idea.Name[..2]}", createdAt);
            threads.Add(thread);
        }
        db.GroupThreads.AddRange(threads);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (thread, t) in threads.Select((x, t) => (x, t)))
            for (var r = 0; r < 2 + (t * 5 + index) % 9; r++)
                db.GroupReplies.Add(GroupReply.To(thread.Id, posters[(t + r * 3 + 1) % posters.Count], idea.Replies[(t + r) % idea.Replies.Length], null,
                    thread.CreatedAt.AddMinutes(7 + r * 23)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // What people notice goes through the workflows: the pinned rules, an answered question, a fresh conversation.
        var reloaded = await db.Groups.SingleAsync(x => x.Id == group.Id, cancellationToken);
        var owner = await MembershipAsync(group.Id, ownerId);
        await GroupModeration.PinAsync(db, reloaded, owner, await db.GroupThreads.SingleAsync(x => x.Id == rules.Id, cancellationToken), null, now, cancellationToken);
        var questionId = threads[1].Id;
        var question = await db.GroupThreads.SingleAsync(x => x.Id == questionId, cancellationToken);
        var answer = await db.GroupReplies.Where(r => r.ThreadId == question.Id && r.AuthorId != question.AuthorId).OrderBy(r => r.Id).FirstAsync(cancellationToken);
        await GroupModeration.AcceptAsync(db, reloaded, await GroupAccess.MembershipAsync(db, group.Id, question.AuthorId, cancellationToken), question, answer.Id, question.AuthorId, now, cancellationToken);
        // Likes on a handful of threads, so "top" has an order.
        foreach (var (liked, t) in threads.Select((x, t) => (x, t)).Where(x => x.t % 5 == 2))
        {
            var thread = await db.GroupThreads.SingleAsync(x => x.Id == liked.Id, cancellationToken);
            foreach (var likerId in posters.Where((_, p) => (p + t) % 4 == 0)) await GroupLikes.LikeThreadAsync(db, thread, likerId, now.AddMinutes(-t), cancellationToken);
        }
        var latestId = threads[^1].Id;
        var latest = await db.GroupThreads.SingleAsync(x => x.Id == latestId, cancellationToken);
        for (var r = 0; r < 3; r++)
        {
            var authorId = posters[(r * 5 + index + 2) % posters.Count];
            if (authorId == latest.AuthorId) continue;
            var membership = await MembershipAsync(group.Id, authorId);
            await GroupPosting.ReplyAsync(db, reloaded, membership, latest, authorId, $"{idea.Replies[r]} @{await HandleAsync(latest.AuthorId)}", null, limits, now.AddMinutes(-30 + r * 5), cancellationToken: cancellationToken);
        }
        db.ChangeTracker.Clear();
    }

    private Task<GroupMember> MembershipAsync(long groupId, string userId) => db.GroupMembers.SingleAsync(m => m.GroupId == groupId && m.UserId == userId);

    private Task<string> HandleAsync(string userId) => db.Users.Where(u => u.Id == userId).Select(u => u.Handle).SingleAsync();
}
