namespace RedMvc.Migrations.PostgreSql;

/// <summary>
/// The full-text part of the Search migration, which EF cannot model: a stored tsvector ('simple'
/// configuration: the text is segmented already) over each search table, title weighted above body,
/// with a GIN index. Kept here so a regenerated Search migration only needs its two Sql calls back
/// (docs/decisions/0032).
/// </summary>
public static class SearchIndexSql
{
    public const string Up = """
        ALTER TABLE "SearchNotes" ADD "Vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Body"), 'B')) STORED;
        CREATE INDEX "IX_SearchNotes_Vector" ON "SearchNotes" USING GIN ("Vector");
        ALTER TABLE "SearchPeople" ADD "Vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Body"), 'B')) STORED;
        CREATE INDEX "IX_SearchPeople_Vector" ON "SearchPeople" USING GIN ("Vector");
        ALTER TABLE "SearchProducts" ADD "Vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', "Title"), 'A') || setweight(to_tsvector('simple', "Body"), 'B')) STORED;
        CREATE INDEX "IX_SearchProducts_Vector" ON "SearchProducts" USING GIN ("Vector");
        """;

    public const string Down = """
        DROP INDEX IF EXISTS "IX_SearchNotes_Vector";
        ALTER TABLE "SearchNotes" DROP COLUMN IF EXISTS "Vector";
        DROP INDEX IF EXISTS "IX_SearchPeople_Vector";
        ALTER TABLE "SearchPeople" DROP COLUMN IF EXISTS "Vector";
        DROP INDEX IF EXISTS "IX_SearchProducts_Vector";
        ALTER TABLE "SearchProducts" DROP COLUMN IF EXISTS "Vector";
        """;
}
