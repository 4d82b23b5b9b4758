using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "TaskReports",
                type: "TEXT",
                maxLength: 40000,
                nullable: true,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "FollowUpTasks",
                type: "TEXT",
                maxLength: 20000,
                nullable: true,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "FollowUpDigests",
                columns: table => new
                {
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Tasks = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpDigests", x => new { x.Recipient, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "FollowUpReviews",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousMeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpReviews", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_FollowUpReviews_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DueOn_CompletedOn",
                table: "FollowUpTasks",
                columns: new[] { "DueOn", "CompletedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpDigests");

            migrationBuilder.DropTable(
                name: "FollowUpReviews");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_DueOn_CompletedOn",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "TaskReports");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "FollowUpTasks");
        }
    }
}
