using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedMvc.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Messages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HideReadReceipts",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RefuseMessagesFromStrangers",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberAId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    MemberBId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationMembers",
                columns: table => new
                {
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OtherMemberId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastReadMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedUpToId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationMembers", x => new { x.ConversationId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_ConversationMembers_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    SenderId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecipientId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CardKind = table.Column<int>(type: "INTEGER", nullable: true),
                    CardId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MessagePhotos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    DominantColor = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Widths = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagePhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagePhotos_Messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "Messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationMembers_MemberId_LastMessageId",
                table: "ConversationMembers",
                columns: new[] { "MemberId", "LastMessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_MemberAId_MemberBId",
                table: "Conversations",
                columns: new[] { "MemberAId", "MemberBId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_MemberBId",
                table: "Conversations",
                column: "MemberBId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_StartedById_CreatedAt",
                table: "Conversations",
                columns: new[] { "StartedById", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MessagePhotos_MessageId_Position",
                table: "MessagePhotos",
                columns: new[] { "MessageId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ConversationId_Id",
                table: "Messages",
                columns: new[] { "ConversationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ConversationId_RecipientId_Id",
                table: "Messages",
                columns: new[] { "ConversationId", "RecipientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_RecipientId_CreatedAt",
                table: "Messages",
                columns: new[] { "RecipientId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_SenderId",
                table: "Messages",
                column: "SenderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationMembers");

            migrationBuilder.DropTable(
                name: "MessagePhotos");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropColumn(
                name: "HideReadReceipts",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RefuseMessagesFromStrangers",
                table: "AspNetUsers");
        }
    }
}
