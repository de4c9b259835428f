using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using RedMvc.Domain.Accounts;

namespace RedMvc.Bench.Web;

/// <summary>
/// The benchmark data set, written straight into a migrated SQLite file: users (notes / 10), notes
/// over a year across the ten channels, 1-3 ready photos each, about 10 likes and 1 comment per
/// note with matching stored counts, about 20 follows per user, topics. Deterministic formulas
/// instead of random numbers, so two runs of the same size hold the same rows. Rows go in key
/// order inside single INSERT ... SELECT statements, with the secondary indexes dropped during the
/// load and rebuilt afterwards from their own CREATE INDEX statements (a sort, not 10M random inserts).
/// </summary>
public class DataSet(string databasePath, int notes, IReadOnlyList<PoolPhoto> photos, DateTime now)
{
    public const int MinimumNotes = 10_000;
    public const int Creators = 100;
    public const string MemberHandle = "bench.member";

    public record Picks(long PopularNoteId, string ProfileHandle, long ProductId);

    private const int YearSeconds = 365 * 24 * 3600;
    private const string Channels = "'fashion','food','beauty','film','career','relationships','home','games','travel','fitness'";
    // Spreads likers, commenters and authors over the users; prime, so k * Spread mod users never repeats for k < users.
    private const int Spread = 7919;

    /// <summary>Every 1000th note (500, 1500, ...) is a "popular" one: 300 more likes and 100 comments with replies.</summary>
    private const int PopularEvery = 1000;
    private const int PopularOffset = 500;

    private readonly int _users = notes / 10;
    private readonly long _now = new DateTimeOffset(now).ToUnixTimeSeconds();
    private readonly Stopwatch _clock = new();

    private static string Uid(string number) => $"printf('00000000-0000-4000-8000-%012d', {number})";

    private string MemberId => $"00000000-0000-4000-8000-{_users + 1:D12}";

    public Picks Load(string memberEmail, string memberPassword)
    {
        using var db = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        db.Open();
        Run(db, "settings", """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA cache_size = -1000000;
            PRAGMA temp_store = MEMORY;
            PRAGMA foreign_keys = OFF;
            """);
        var indexes = DropIndexes(db);
        _clock.Restart();
        MakeLookups(db);
        InsertUsers(db);
        InsertMember(db, memberEmail, memberPassword);
        InsertNotes(db);
        InsertPhotosTopicsLikesComments(db);
        InsertFollows(db);
        foreach (var (name, sql) in indexes) Run(db, $"index {name}", sql);
        InsertReplies(db);
        InsertShop(db);
        Run(db, "analyze", "ANALYZE;");
        Run(db, "back to WAL", "PRAGMA journal_mode = WAL;");
        PrintCounts(db);
        // The newest popular note, and the profile that writes every 100th note.
        return new Picks((notes - PopularOffset) / PopularEvery * PopularEvery + PopularOffset, "user1", ProductId: 1);
    }

    /// <summary>The tables we fill lose their secondary indexes for the load; their statements come back as they were.</summary>
    private List<(string Name, string Sql)> DropIndexes(SqliteConnection db)
    {
        var indexes = new List<(string, string)>();
        using (var read = db.CreateCommand())
        {
            read.CommandText = """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN
                ('AspNetUsers', 'AspNetUserRoles', 'Notes', 'NotePhotos', 'Topics', 'NoteTopics', 'NoteLikes', 'Comments', 'Follows')
                """;
            using var reader = read.ExecuteReader();
            while (reader.Read()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes) Run(db, null, $"DROP INDEX \"{name}\";");
        return indexes;
    }

    private void MakeLookups(SqliteConnection db)
    {
        Run(db, "lookups", $"""
            CREATE TEMP TABLE Seq (k INTEGER PRIMARY KEY);
            WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k < 999) INSERT INTO Seq SELECT k FROM s;
            CREATE TEMP TABLE ChannelKeys (i INTEGER PRIMARY KEY, key TEXT);
            INSERT INTO ChannelKeys SELECT key, value FROM json_each('[{Channels.Replace('\'', '"')}]');
            CREATE TEMP TABLE Phrases (i INTEGER PRIMARY KEY, text TEXT);
            INSERT INTO Phrases SELECT key, value FROM json_each('["周末探店：藏在巷子里的咖啡馆","一周通勤穿搭不重样","新手也能做的三道家常菜","秋冬护肤的几个小习惯","最近反复看的一部老电影","面试前我会准备的五件事","异地恋第三年的一点感受","小户型收纳改造记录","通关之后的一点心得","三天两晚的海边小城","在家也能做的二十分钟训练","Weekend market finds","My simple morning routine","A quiet cafe for working","Budget trip, three days","What I cooked this week","Desk setup, finally done","Books I finished this month","Trying a new running plan","Light and shade on film"]');
            CREATE TEMP TABLE DisplayNames (i INTEGER PRIMARY KEY, name TEXT);
            INSERT INTO DisplayNames SELECT key, value FROM json_each('["小红","阿杰","Lily","大橙子","Momo","晴天","Tom","一颗柠檬","小林","Coco","阿May","山野"]');
            CREATE TEMP TABLE TopicNames (i INTEGER PRIMARY KEY, name TEXT);
            INSERT INTO TopicNames SELECT key + 1, value FROM json_each('["周末去哪儿","咖啡","通勤穿搭","家常菜","护肤","电影推荐","求职","恋爱日常","收纳","游戏","旅行","健身打卡","早餐","读书","摄影","露营","烘焙","宠物","city walk","ootd","vlog","学习","装修","手工","美甲","跑步","瑜伽","减脂餐","探店","数码","音乐","画画","种草","好物分享","租房","留学","春招","秋招","毕业旅行","citywalk上海"]');
            CREATE TEMP TABLE Pool (i INTEGER PRIMARY KEY, width INTEGER, height INTEGER, color TEXT, hash TEXT, widths TEXT);
            """);
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO Pool VALUES ($i, $width, $height, $color, $hash, $widths)";
        for (var i = 0; i < photos.Count; i++)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$i", i);
            insert.Parameters.AddWithValue("$width", photos[i].Width);
            insert.Parameters.AddWithValue("$height", photos[i].Height);
            insert.Parameters.AddWithValue("$color", photos[i].DominantColor);
            insert.Parameters.AddWithValue("$hash", photos[i].ContentHash);
            insert.Parameters.AddWithValue("$widths", photos[i].Widths);
            insert.ExecuteNonQuery();
        }
        Run(db, "topics", $"""
            INSERT INTO Topics (Id, Name, NormalizedName, CreatedAt)
            SELECT i, name, lower(name), datetime({_now} - 2 * {YearSeconds}, 'unixepoch') FROM TopicNames;
            """);
    }

    private void InsertUsers(SqliteConnection db) => Run(db, "users", $"""
        WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {_users})
        INSERT INTO AspNetUsers (Id, DisplayName, Handle, CreatedAt, Culture, UserName, NormalizedUserName, Email, NormalizedEmail,
            EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled,
            LockoutEnd, LockoutEnabled, AccessFailedCount, Bio, Region, AvatarKey, AvatarPendingKey, HideCollects, PrefersChronologicalFeed)
        SELECT {Uid("i")},
            (SELECT name FROM DisplayNames WHERE i = s.i % 12) || i,
            'user' || i, datetime({_now} - {YearSeconds} - 86400 - (i * {Spread}) % (2 * {YearSeconds}), 'unixepoch'), 'zh-CN',
            'user' || i, 'USER' || i, 'user' || i || '@bench.redmvc.local', 'USER' || i || '@BENCH.REDMVC.LOCAL',
            1, NULL, printf('BENCHSTAMP%022d', i), printf('%08d-0000-4000-8000-000000000000', i), NULL, 0, 0,
            NULL, 1, 0,
            CASE WHEN i <= {Creators} THEN '分享日常、穿搭和去过的地方 · creator ' || i END,
            CASE i % 5 WHEN 0 THEN '上海' WHEN 1 THEN '北京' WHEN 2 THEN '广州' WHEN 3 THEN '成都' END,
            NULL, NULL, 0, 0
        FROM s;
        INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT u.Id, r.Id FROM AspNetUsers u, AspNetRoles r WHERE r.NormalizedName = 'MEMBER' ORDER BY u.Id;
        """);

    /// <summary>The one account the member runs sign in as, with a real Identity password hash.</summary>
    private void InsertMember(SqliteConnection db, string email, string password)
    {
        var member = new AppUser { Id = MemberId, UserName = MemberHandle, Handle = MemberHandle, Email = email, DisplayName = "Bench member" };
        var hash = new PasswordHasher<AppUser>().HashPassword(member, password);
        using var insert = db.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO AspNetUsers (Id, DisplayName, Handle, CreatedAt, Culture, UserName, NormalizedUserName, Email, NormalizedEmail,
                EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled,
                LockoutEnabled, AccessFailedCount, HideCollects, PrefersChronologicalFeed)
            VALUES ($id, 'Bench member', $handle, datetime({_now} - {YearSeconds}, 'unixepoch'), 'zh-CN', $handle, upper($handle), $email, upper($email),
                1, $hash, $stamp, $concurrency, 0, 0, 1, 0, 0, 0);
            INSERT INTO AspNetUserRoles (UserId, RoleId) SELECT $id, Id FROM AspNetRoles WHERE NormalizedName = 'MEMBER';
            """;
        insert.Parameters.AddWithValue("$id", MemberId);
        insert.Parameters.AddWithValue("$handle", MemberHandle);
        insert.Parameters.AddWithValue("$email", email);
        insert.Parameters.AddWithValue("$hash", hash);
        insert.Parameters.AddWithValue("$stamp", Guid.NewGuid().ToString("N").ToUpperInvariant());
        insert.Parameters.AddWithValue("$concurrency", Guid.NewGuid().ToString());
        insert.ExecuteNonQuery();
    }

    /// <summary>
    /// One shop (user2's) with one product on sale: three variants, two photos, attached to 50 public notes,
    /// for the visitor product page.
    /// </summary>
    private void InsertShop(SqliteConnection db) => Run(db, "shop", $$"""
        INSERT INTO Shops (Id, OwnerId, Handle, Name, Description, LogoKey, CreatedAt)
        VALUES (1, {{Uid("2")}}, 'bench_shop', '北欧生活馆', 'Ceramics and linen for small homes.', NULL, datetime({{_now}} - {{YearSeconds}}, 'unixepoch'));
        INSERT INTO Products (Id, ShopId, Title, Description, Category, Status, CreatedAt, UpdatedAt)
        VALUES (1, 1, '北欧陶瓷马克杯', 'Stoneware mug, 350 ml, glazed by hand.', 'home', 1,
            datetime({{_now}} - {{YearSeconds}}, 'unixepoch'), datetime({{_now}} - {{YearSeconds}}, 'unixepoch'));
        INSERT INTO ProductVariants (ProductId, Name, PriceFen, CompareAtFen, Stock)
        VALUES (1, '白色', 6900, 8900, 120), (1, '灰色', 6900, NULL, 0), (1, '蓝色', 7900, NULL, 35);
        INSERT INTO ProductPhotos (ProductId, OriginalKey, Position, Status, Width, Height, DominantColor, ContentHash, Widths)
        SELECT 1, printf('originals/benchproduct%02d', p.i), p.i, 1, p.width, p.height, p.color, p.hash, p.widths FROM Pool p WHERE p.i < 2;
        INSERT INTO NoteProducts (NoteId, ProductId, Position)
        SELECT n.Id, 1, 0 FROM Notes n WHERE n.Status = 2 AND n.Visibility = 0 ORDER BY n.Id DESC LIMIT 50;
        """);

    /// <summary>
    /// Note n: published at an even pace over the last year (plus up to an hour of jitter); every
    /// 100th (25, 125, ...) by user1, the measured profile, so it fills its 60-card page at any size
    /// (100 notes at 10k, 10,000 at 1M); every 50th by one of the 100 creators; 90% public, 5% only-me, 5% mutual followers, 1% drafts;
    /// likes and comments (public only) decided here so the stored counts match the rows made later.
    /// </summary>
    private void InsertNotes(SqliteConnection db) => Run(db, "notes", $"""
        WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {notes}),
        shaped AS (
            SELECT n,
                CASE WHEN n % 100 = 25 THEN 1 WHEN n % 50 = 0 THEN (n / 50) % {Creators} + 1 ELSE (n * 48271) % {_users} + 1 END AS author,
                {_now} - {YearSeconds} - 3600 + n * {YearSeconds}.0 / {notes} + (n * {Spread}) % 3600 AS published,
                CASE n % 20 WHEN 7 THEN 1 WHEN 13 THEN 2 ELSE 0 END AS visibility,
                CASE WHEN n % 100 = 99 THEN 0 ELSE 2 END AS status,
                1 + (n * 7) % 40 AS topic1, CASE WHEN n % 2 = 0 THEN 1 + (n * 11) % 40 END AS topic2
            FROM s)
        INSERT INTO Notes (Id, AuthorId, Title, Body, Channel, Place, Visibility, AiAssisted, Status, CreatedAt, UpdatedAt, PublishedAt, ScheduledFor,
            LikeCount, CommentCount, CollectCount)
        SELECT n, {Uid("author")},
            (SELECT text FROM Phrases WHERE i = n % 20) || ' ' || n,
            (SELECT text FROM Phrases WHERE i = n % 20) || '。' || (SELECT text FROM Phrases WHERE i = (n * 3 + 1) % 20)
                || '，记录一下，也许对你有用。Some notes from the day, with a few photos. #' || (SELECT name FROM TopicNames WHERE i = topic1)
                || coalesce(' #' || (SELECT name FROM TopicNames WHERE i = topic2), ''),
            (SELECT key FROM ChannelKeys WHERE i = (n * 7 + n / 10) % 10),
            CASE WHEN n % 4 = 0 THEN '上海·徐汇' END,
            visibility, 0, status,
            datetime(CAST(published AS INTEGER) - 1800, 'unixepoch'), datetime(CAST(published AS INTEGER), 'unixepoch'),
            CASE WHEN status = 2 THEN datetime(CAST(published AS INTEGER), 'unixepoch') END, NULL,
            CASE WHEN status = 2 AND visibility = 0 THEN (n * 37) % 23 + CASE WHEN n % {PopularEvery} = {PopularOffset} THEN 300 ELSE 0 END ELSE 0 END,
            CASE WHEN status = 2 AND visibility = 0 THEN CASE WHEN n % {PopularEvery} = {PopularOffset} THEN 100 ELSE (n * 17) % 3 END ELSE 0 END,
            0
        FROM shaped;
        """);

    private void InsertPhotosTopicsLikesComments(SqliteConnection db)
    {
        Run(db, "photos (1-3 per note)", $"""
            INSERT INTO NotePhotos (NoteId, Position, OriginalKey, OriginalFileName, AltText, Status, FailureReason, Width, Height, DominantColor, ContentHash, Widths)
            SELECT n.Id, q.k, printf('originals/bench%010d%02d', n.Id, q.k), printf('IMG_%04d.jpg', (n.Id * 3 + q.k) % 10000), NULL, 1, NULL,
                p.width, p.height, p.color, p.hash, p.widths
            FROM Notes n CROSS JOIN Seq q JOIN Pool p ON p.i = (n.Id * 7 + q.k) % {photos.Count}
            WHERE q.k < 1 + n.Id % 3;
            """);
        Run(db, "note topics", """
            INSERT OR IGNORE INTO NoteTopics (NoteId, TopicId)
            SELECT n.Id, CASE q.k WHEN 0 THEN 1 + (n.Id * 7) % 40 ELSE 1 + (n.Id * 11) % 40 END
            FROM Notes n CROSS JOIN Seq q WHERE q.k < 1 + (n.Id % 2 = 0);
            """);
        Run(db, "likes", $"""
            INSERT INTO NoteLikes (NoteId, UserId, CreatedAt)
            SELECT n.Id, {Uid($"1 + (n.Id * 131 + q.k * {Spread}) % {_users}")},
                datetime(min({_now}, strftime('%s', n.PublishedAt) + 60 + q.k * q.k * 60), 'unixepoch')
            FROM Notes n CROSS JOIN Seq q WHERE q.k < n.LikeCount;
            """);
        // The bench member liked 200 public notes (its personal mix has something to go on).
        // The bench member liked 200 public notes (so its personal mix has something to go on).
        Run(db, "member likes", $"""
            CREATE TEMP TABLE MemberLiked AS SELECT Id FROM Notes WHERE Status = 2 AND Visibility = 0 AND Id % {notes / 200} = 1 ORDER BY Id LIMIT 200;
            INSERT INTO NoteLikes (NoteId, UserId, CreatedAt)
            SELECT n.Id, '{MemberId}', datetime(strftime('%s', n.PublishedAt) + 3600, 'unixepoch') FROM Notes n JOIN MemberLiked m ON m.Id = n.Id;
            UPDATE Notes SET LikeCount = LikeCount + 1 WHERE Id IN (SELECT Id FROM MemberLiked);
            """);
        Run(db, "comments (top level)", $"""
            INSERT INTO Comments (NoteId, AuthorId, Body, ParentId, ReplyToUserId, CreatedAt, DeletedAt, LikeCount)
            SELECT n.Id, {Uid($"1 + (n.Id * 53 + q.k * {Spread} + 17) % {_users}")},
                (SELECT text FROM Phrases WHERE i = (n.Id + q.k) % 20) || '，太喜欢了！请问在哪里？',
                NULL, NULL, datetime(min({_now}, strftime('%s', n.PublishedAt) + (q.k + 1) * 660), 'unixepoch'), NULL, 0
            FROM Notes n CROSS JOIN Seq q WHERE q.k < min(n.CommentCount, 70);
            """);
    }

    /// <summary>30 of a popular note's 100 comments answer one of its first ten top-level comments.</summary>
    private void InsertReplies(SqliteConnection db) => Run(db, "comment replies", $"""
        INSERT INTO Comments (NoteId, AuthorId, Body, ParentId, ReplyToUserId, CreatedAt, DeletedAt, LikeCount)
        SELECT n.Id, {Uid($"1 + (n.Id * 29 + q.k * {Spread} + 3) % {_users}")}, '同问！也想知道。',
            parent.Id, parent.AuthorId, datetime(min({_now}, strftime('%s', parent.CreatedAt) + q.k * 60), 'unixepoch'), NULL, 0
        FROM Notes n CROSS JOIN Seq q
        -- A note's top-level comments were inserted together, so their ids are consecutive.
        JOIN Comments parent ON parent.Id = (SELECT min(c.Id) FROM Comments c WHERE c.NoteId = n.Id AND c.ParentId IS NULL) + q.k % 10
        WHERE n.Id % {PopularEvery} = {PopularOffset} AND n.CommentCount > 70 AND q.k >= 70 AND q.k < n.CommentCount;
        """);

    /// <summary>
    /// About 20 follows each: 5 of the 100 creators, then people at fixed distances (scaled by 97)
    /// where -1..-5 mirror +1..+5, so half of the others follow back and mutual-follower notes have readers.
    /// The bench member follows 30 creators and 20 others; 10 creators follow back. One block each way.
    /// </summary>
    private void InsertFollows(SqliteConnection db) => Run(db, "follows", $"""
        CREATE TEMP TABLE Distances (j INTEGER PRIMARY KEY, d INTEGER);
        INSERT INTO Distances SELECT key + 5, value FROM json_each('[1,2,3,4,5,-1,-2,-3,-4,-5,7,11,13,17,19]');
        WITH RECURSIVE s(f) AS (SELECT 1 UNION ALL SELECT f + 1 FROM s WHERE f < {_users}),
        edges AS (
            SELECT s.f AS follower,
                CASE WHEN q.k < 5 THEN (s.f * 7 + q.k * 13) % {Creators} + 1
                     ELSE ((s.f - 1 + (SELECT d FROM Distances WHERE j = q.k) * 97) % {_users} + {_users}) % {_users} + 1 END AS followee,
                q.k AS k
            FROM s CROSS JOIN Seq q WHERE q.k < 20)
        INSERT OR IGNORE INTO Follows (FollowerId, FolloweeId, CreatedAt)
        SELECT {Uid("follower")}, {Uid("followee")}, datetime({_now} - {YearSeconds} + (follower * 13 + k * {Spread}) % {YearSeconds}, 'unixepoch')
        FROM edges WHERE followee <> follower;
        INSERT INTO Follows (FollowerId, FolloweeId, CreatedAt)
        SELECT '{MemberId}', {Uid("k + 1")}, datetime({_now} - 86400 * (k + 1), 'unixepoch') FROM Seq WHERE k < 30
        UNION ALL SELECT '{MemberId}', {Uid($"{Creators} + k + 1")}, datetime({_now} - 86400 * (k + 1), 'unixepoch') FROM Seq WHERE k < 20
        UNION ALL SELECT {Uid("k + 1")}, '{MemberId}', datetime({_now} - 3600 * (k + 1), 'unixepoch') FROM Seq WHERE k < 10;
        INSERT INTO Blocks (BlockerId, BlockedId, CreatedAt) VALUES
            ('{MemberId}', {Uid($"{Creators} + 150")}, datetime({_now} - 86400, 'unixepoch')),
            ({Uid($"{Creators} + 250")}, '{MemberId}', datetime({_now} - 86400, 'unixepoch'));
        """);

    private void PrintCounts(SqliteConnection db)
    {
        using var count = db.CreateCommand();
        count.CommandText = """
            SELECT (SELECT count(*) FROM AspNetUsers), (SELECT count(*) FROM Notes), (SELECT count(*) FROM NotePhotos),
                (SELECT count(*) FROM NoteLikes), (SELECT sum(LikeCount) FROM Notes), (SELECT count(*) FROM Comments), (SELECT sum(CommentCount) FROM Notes),
                (SELECT count(*) FROM Follows), (SELECT count(*) FROM NoteTopics)
            """;
        using var row = count.ExecuteReader();
        row.Read();
        Console.WriteLine($"rows: users {row.GetInt64(0):N0}, notes {row.GetInt64(1):N0}, photos {row.GetInt64(2):N0}, "
            + $"likes {row.GetInt64(3):N0} (sum of LikeCount {row.GetInt64(4):N0}), comments {row.GetInt64(5):N0} (sum of CommentCount {row.GetInt64(6):N0}), "
            + $"follows {row.GetInt64(7):N0}, note topics {row.GetInt64(8):N0}");
        if (row.GetInt64(3) != row.GetInt64(4) || row.GetInt64(5) != row.GetInt64(6))
            throw new InvalidOperationException("Stored counts do not match their rows.");
    }

    private void Run(SqliteConnection db, string? label, string sql)
    {
        var started = _clock.Elapsed;
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
        if (label is not null) Console.WriteLine($"  {label,-44} {(_clock.Elapsed - started).TotalSeconds,7:F1} s");
    }
}
