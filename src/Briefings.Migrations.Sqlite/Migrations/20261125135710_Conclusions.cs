using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Conclusions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Conclusions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TypeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Preamble = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SignerPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SigningForm = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuerSymbol = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Conclusions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Conclusions_People_SignerPersonId",
                        column: x => x.SignerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Conclusions_Units_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentRegisters",
                columns: table => new
                {
                    IssuerUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentRegisters", x => new { x.IssuerUnitId, x.TypeCode, x.PeriodKey });
                    table.ForeignKey(
                        name: "FK_DocumentRegisters_Units_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConclusionDirectives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoordinatingUnitIds = table.Column<string>(type: "TEXT", nullable: false),
                    DeadlineKind = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeadlineDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedOutput = table.Column<int>(type: "INTEGER", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionDirectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConclusionDirectives_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConclusionItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConclusionItems_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConclusionRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConclusionRecipients_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConclusionSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Numeral = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConclusionSections_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionDirectives_ConclusionId",
                table: "ConclusionDirectives",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionDirectives_DeadlineDue",
                table: "ConclusionDirectives",
                column: "DeadlineDue");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionDirectives_LeadUnitId",
                table: "ConclusionDirectives",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionItems_ConclusionId",
                table: "ConclusionItems",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionRecipients_ConclusionId",
                table: "ConclusionRecipients",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionRecipients_UnitId",
                table: "ConclusionRecipients",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Conclusions_IssuerUnitId_TypeCode_PeriodKey_Sequence",
                table: "Conclusions",
                columns: new[] { "IssuerUnitId", "TypeCode", "PeriodKey", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conclusions_MeetingId",
                table: "Conclusions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Conclusions_SignerPersonId",
                table: "Conclusions",
                column: "SignerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Conclusions_Status_IssuedOn",
                table: "Conclusions",
                columns: new[] { "Status", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionSections_ConclusionId",
                table: "ConclusionSections",
                column: "ConclusionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConclusionDirectives");

            migrationBuilder.DropTable(
                name: "ConclusionItems");

            migrationBuilder.DropTable(
                name: "ConclusionRecipients");

            migrationBuilder.DropTable(
                name: "ConclusionSections");

            migrationBuilder.DropTable(
                name: "DocumentRegisters");

            migrationBuilder.DropTable(
                name: "Conclusions");
        }
    }
}
