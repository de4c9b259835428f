namespace RedMvc.Migrations.Sqlite;

/// <summary>
/// The full-text part of the Search migration, which EF cannot model: an FTS5 table over each search
/// table's pre-segmented text (external content, so the text is stored once), kept in step by triggers.
/// Kept here so a regenerated Search migration only needs its two Sql calls back (docs/decisions/0032).
/// </summary>
public static class SearchIndexSql
{
    public const string Up = """
        CREATE VIRTUAL TABLE "SearchNotesFts" USING fts5("Title", "Body", content='SearchNotes', content_rowid='NoteId', tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER "SearchNotes_Inserted" AFTER INSERT ON "SearchNotes" BEGIN
            INSERT INTO "SearchNotesFts"(rowid, "Title", "Body") VALUES (new."NoteId", new."Title", new."Body");
        END;
        CREATE TRIGGER "SearchNotes_Deleted" AFTER DELETE ON "SearchNotes" BEGIN
            INSERT INTO "SearchNotesFts"("SearchNotesFts", rowid, "Title", "Body") VALUES ('delete', old."NoteId", old."Title", old."Body");
        END;
        CREATE TRIGGER "SearchNotes_Updated" AFTER UPDATE ON "SearchNotes" BEGIN
            INSERT INTO "SearchNotesFts"("SearchNotesFts", rowid, "Title", "Body") VALUES ('delete', old."NoteId", old."Title", old."Body");
            INSERT INTO "SearchNotesFts"(rowid, "Title", "Body") VALUES (new."NoteId", new."Title", new."Body");
        END;
        CREATE VIRTUAL TABLE "SearchPeopleFts" USING fts5("Title", "Body", content='SearchPeople', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER "SearchPeople_Inserted" AFTER INSERT ON "SearchPeople" BEGIN
            INSERT INTO "SearchPeopleFts"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
        END;
        CREATE TRIGGER "SearchPeople_Deleted" AFTER DELETE ON "SearchPeople" BEGIN
            INSERT INTO "SearchPeopleFts"("SearchPeopleFts", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
        END;
        CREATE TRIGGER "SearchPeople_Updated" AFTER UPDATE ON "SearchPeople" BEGIN
            INSERT INTO "SearchPeopleFts"("SearchPeopleFts", rowid, "Title", "Body") VALUES ('delete', old."Id", old."Title", old."Body");
            INSERT INTO "SearchPeopleFts"(rowid, "Title", "Body") VALUES (new."Id", new."Title", new."Body");
        END;
        CREATE VIRTUAL TABLE "SearchProductsFts" USING fts5("Title", "Body", content='SearchProducts', content_rowid='ProductId', tokenize='unicode61 remove_diacritics 0');
        CREATE TRIGGER "SearchProducts_Inserted" AFTER INSERT ON "SearchProducts" BEGIN
            INSERT INTO "SearchProductsFts"(rowid, "Title", "Body") VALUES (new."ProductId", new."Title", new."Body");
        END;
        CREATE TRIGGER "SearchProducts_Deleted" AFTER DELETE ON "SearchProducts" BEGIN
            INSERT INTO "SearchProductsFts"("SearchProductsFts", rowid, "Title", "Body") VALUES ('delete', old."ProductId", old."Title", old."Body");
        END;
        CREATE TRIGGER "SearchProducts_Updated" AFTER UPDATE ON "SearchProducts" BEGIN
            INSERT INTO "SearchProductsFts"("SearchProductsFts", rowid, "Title", "Body") VALUES ('delete', old."ProductId", old."Title", old."Body");
            INSERT INTO "SearchProductsFts"(rowid, "Title", "Body") VALUES (new."ProductId", new."Title", new."Body");
        END;
        """;

    public const string Down = """
        DROP TABLE IF EXISTS "SearchNotesFts";
        DROP TABLE IF EXISTS "SearchPeopleFts";
        DROP TABLE IF EXISTS "SearchProductsFts";
        """;
}
