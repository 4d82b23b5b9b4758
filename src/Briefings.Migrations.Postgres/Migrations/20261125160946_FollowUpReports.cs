using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
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
                type: "character varying(40000)",
                maxLength: 40000,
                nullable: true,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "FollowUpTasks",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "FollowUpDigests",
                columns: table => new
                {
                    Recipient = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Tasks = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpDigests", x => new { x.Recipient, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "FollowUpReviews",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousMeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConclusionNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                name: "IX_TaskReports_SearchText",
                table: "TaskReports",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_DueOn_CompletedOn",
                table: "FollowUpTasks",
                columns: new[] { "DueOn", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_SearchText",
                table: "FollowUpTasks",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpDigests");

            migrationBuilder.DropTable(
                name: "FollowUpReviews");

            migrationBuilder.DropIndex(
                name: "IX_TaskReports_SearchText",
                table: "TaskReports");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_DueOn_CompletedOn",
                table: "FollowUpTasks");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_SearchText",
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
