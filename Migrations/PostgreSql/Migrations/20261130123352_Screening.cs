using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace RedMvc.Migrations.PostgreSql.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Notes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RefusedAt",
                table: "Messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "GroupThreads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "GroupReplies",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeldAt",
                table: "Comments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldBio",
                table: "AspNetUsers",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldDisplayName",
                table: "AspNetUsers",
                type: "character varying(48)",
                maxLength: 48,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProfileHeldAt",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ScreenedPhrases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phrase = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Folded = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    AddedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: true)
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
