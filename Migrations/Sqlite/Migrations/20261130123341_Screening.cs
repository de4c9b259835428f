using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedMvc.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Products",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Notes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RefusedAt",
                table: "Messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "GroupThreads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "GroupReplies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldBio",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldDisplayName",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProfileHeldAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScreenedPhrases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Phrase = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Folded = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreenedPhrases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Products_HeldAt",
                table: "Products",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_Notes_HeldAt",
                table: "Notes",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_HeldAt",
                table: "Messages",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_GroupThreads_HeldAt",
                table: "GroupThreads",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_GroupReplies_HeldAt",
                table: "GroupReplies",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_HeldAt",
                table: "Comments",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ProfileHeldAt",
                table: "AspNetUsers",
                column: "ProfileHeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_ScreenedPhrases_Folded",
                table: "ScreenedPhrases",
                column: "Folded",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScreenedPhrases");

            migrationBuilder.DropIndex(
                name: "IX_Products_HeldAt",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Notes_HeldAt",
                table: "Notes");

            migrationBuilder.DropIndex(
                name: "IX_Messages_HeldAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_GroupThreads_HeldAt",
                table: "GroupThreads");

            migrationBuilder.DropIndex(
                name: "IX_GroupReplies_HeldAt",
                table: "GroupReplies");

            migrationBuilder.DropIndex(
                name: "IX_Comments_HeldAt",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_ProfileHeldAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "Products");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "RefusedAt",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "GroupThreads");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "GroupReplies");

            migrationBuilder.DropColumn(
                name: "HeldAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "HeldBio",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HeldDisplayName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ProfileHeldAt",
                table: "AspNetUsers");
        }
    }
}
