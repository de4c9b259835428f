using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RedMvc.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedById",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AuthorSuspendedAt",
                table: "Notes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReachLimitedAt",
                table: "Notes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Notes",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovalRule",
                table: "Notes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Notes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovalReason",
                table: "Comments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemovalRule",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "MutedUntil",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedAt",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DailyStats",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignUps = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<int>(type: "INTEGER", nullable: false),
                    Comments = table.Column<int>(type: "INTEGER", nullable: false),
                    Orders = table.Column<int>(type: "INTEGER", nullable: false),
                    SalesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenReports = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedJobs = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyStats", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "Penalties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StrikeExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssuedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: true),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AppealText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AppealedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppealDecision = table.Column<int>(type: "INTEGER", nullable: true),
                    AppealDecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AppealDecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Penalties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Penalties_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignIns_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffAudit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    TargetUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffAudit", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Penalties_AppealedAt_AppealDecidedAt",
                table: "Penalties",
                columns: new[] { "AppealedAt", "AppealDecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Penalties_UserId_StartsAt",
                table: "Penalties",
                columns: new[] { "UserId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignIns_At",
                table: "SignIns",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SignIns_UserId_At",
                table: "SignIns",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_ActorId_CreatedAt",
                table: "StaffAudit",
                columns: new[] { "ActorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_CreatedAt",
                table: "StaffAudit",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_TargetKind_TargetId",
                table: "StaffAudit",
                columns: new[] { "TargetKind", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffAudit_TargetUserId_CreatedAt",
                table: "StaffAudit",
                columns: new[] { "TargetUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyStats");

            migrationBuilder.DropTable(
                name: "Penalties");

            migrationBuilder.DropTable(
                name: "SignIns");

            migrationBuilder.DropTable(
                name: "StaffAudit");

            migrationBuilder.DropColumn(
                name: "ClaimedById",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "AuthorSuspendedAt",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "ReachLimitedAt",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "RemovalRule",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Notes");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "RemovalRule",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "MutedUntil",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SuspendedAt",
                table: "AspNetUsers");
        }
    }
}
