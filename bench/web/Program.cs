using System.Diagnostics;
using RedMvc.Bench.Web;

// fill <data folder> <notes> <member email> <member password>
//   fills the migrated redmvc.db of the data folder (and its photo store) with the benchmark data set
//   and writes bench.env (the note, profile and member the runs use) beside it.
return args switch
{
    ["fill", var folder, var notes, var email, var password] => Fill(folder, int.Parse(notes), email, password),
    _ => Usage(),
};

static int Fill(string folder, int notes, string email, string password)
{
    if (notes < DataSet.MinimumNotes)
    {
        Console.Error.WriteLine($"at least {DataSet.MinimumNotes} notes: likes per note must stay below the number of users");
        return 2;
    }
    var clock = Stopwatch.StartNew();
    var photos = PhotoPool.Make(Path.Combine(folder, "files"), count: 12);
    Console.WriteLine($"photos: {photos.Count} processed into the store in {clock.Elapsed.TotalSeconds:F1} s");
    var set = new DataSet(Path.Combine(folder, "redmvc.db"), notes, photos, DateTime.UtcNow);
    var picks = set.Load(email, password);
    File.WriteAllLines(Path.Combine(folder, "bench.env"),
    [
        $"NOTE_ID={picks.PopularNoteId}",
        $"PROFILE_HANDLE={picks.ProfileHandle}",
        $"PRODUCT_ID={picks.ProductId}",
        $"MEMBER_EMAIL={email}",
    ]);
    Console.WriteLine($"generation took {clock.Elapsed.TotalSeconds:F0} s in all");
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: fill <data folder> <notes> <member email> <member password>");
    return 2;
}
