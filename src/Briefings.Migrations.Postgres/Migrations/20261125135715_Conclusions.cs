using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TypeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Preamble = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignerPersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SigningForm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuerSymbol = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    PeriodKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Sequence = table.Column<int>(type: "integer", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    IssuerUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionOrder = table.Column<int>(type: "integer", nullable: false),
                    ItemNumber = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    CoordinatingUnitIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    DeadlineKind = table.Column<int>(type: "integer", nullable: true),
                    DeadlineStart = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineDue = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedOutput = table.Column<int>(type: "integer", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SectionOrder = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Numeral = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false)
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
