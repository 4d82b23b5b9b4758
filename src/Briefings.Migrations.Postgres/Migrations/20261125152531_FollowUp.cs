using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AnswersProposalId",
                table: "ConclusionDirectives",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConclusionNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DirectiveOrder = table.Column<int>(type: "integer", nullable: false),
                    SectionOrder = table.Column<int>(type: "integer", nullable: false),
                    ItemNumber = table.Column<int>(type: "integer", nullable: false),
                    ItemText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeadUnitPath = table.Column<string>(type: "character varying(900)", maxLength: 900, nullable: false),
                    DeadlineKind = table.Column<int>(type: "integer", nullable: true),
                    DeadlineText = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodLabel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OriginalDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedOutput = table.Column<int>(type: "integer", nullable: false),
                    AnswersProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PendingCompletionId = table.Column<Guid>(type: "uuid", nullable: true),
                    PendingExtensionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ExtensionsGranted = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Units_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpCoordinators",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitPath = table.Column<string>(type: "character varying(900)", maxLength: 900, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpCoordinators", x => new { x.TaskId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_FollowUpCoordinators_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskExtensions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreviousDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedDueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskExtensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskExtensions_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: true),
                    Explanation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReplyText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    SupersededById = table.Column<Guid>(type: "uuid", nullable: true),
                    StateReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    StateChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    StateChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Review = table.Column<int>(type: "integer", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskReports_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskAttachments_FollowUpTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "FollowUpTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskAttachments_TaskReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "TaskReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskAttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_TaskAttachmentContents_TaskAttachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "TaskAttachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCoordinators_UnitId",
                table: "FollowUpCoordinators",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCoordinators_UnitPath",
                table: "FollowUpCoordinators",
                column: "UnitPath")
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_AnswersProposalId",
                table: "FollowUpTasks",
                column: "AnswersProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey",
                table: "FollowUpTasks",
                columns: new[] { "ConclusionId", "DirectiveOrder", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_IssuerUnitId_State",
                table: "FollowUpTasks",
                columns: new[] { "IssuerUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_LeadUnitId_CompletedOn_DueOn",
                table: "FollowUpTasks",
                columns: new[] { "LeadUnitId", "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_LeadUnitPath_DueOn_CompletedOn",
                table: "FollowUpTasks",
                columns: new[] { "LeadUnitPath", "DueOn", "CompletedOn" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops", "date_ops", "date_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttachments_ReportId",
                table: "TaskAttachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttachments_TaskId",
                table: "TaskAttachments",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskExtensions_TaskId",
                table: "TaskExtensions",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_TaskId_At",
                table: "TaskReports",
                columns: new[] { "TaskId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskReports_UnitId",
                table: "TaskReports",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUpCoordinators");

            migrationBuilder.DropTable(
                name: "TaskAttachmentContents");

            migrationBuilder.DropTable(
                name: "TaskExtensions");

            migrationBuilder.DropTable(
                name: "TaskAttachments");

            migrationBuilder.DropTable(
                name: "TaskReports");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "AnswersProposalId",
                table: "ConclusionDirectives");
        }
    }
}
