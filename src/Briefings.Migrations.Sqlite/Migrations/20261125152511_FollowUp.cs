using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DirectiveOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadUnitPath = table.Column<string>(type: "TEXT", maxLength: 900, nullable: false),
                    DeadlineKind = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodLabel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OriginalDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedOutput = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PendingCompletionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PendingExtensionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ExtensionsGranted = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitPath = table.Column<string>(type: "TEXT", maxLength: 900, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    StateChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StateChangedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Review = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    AttachmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
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
                column: "UnitPath");

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
                columns: new[] { "LeadUnitPath", "DueOn", "CompletedOn" });

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
