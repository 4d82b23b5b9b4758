using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConclusionEditing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Closing",
                table: "Conclusions",
                type: "TEXT",
                maxLength: 5000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "CorrectsConclusionId",
                table: "Conclusions",
                type: "TEXT",
                nullable: true);

            // ConclusionDirectives.AnswersProposalId is added by the FollowUp migration, which needs it too.

            migrationBuilder.CreateTable(
                name: "ConclusionVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConclusionVersions_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conclusions_CorrectsConclusionId",
                table: "Conclusions",
                column: "CorrectsConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionVersions_ConclusionId_Number",
                table: "ConclusionVersions",
                columns: new[] { "ConclusionId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Conclusions_Conclusions_CorrectsConclusionId",
                table: "Conclusions",
                column: "CorrectsConclusionId",
                principalTable: "Conclusions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conclusions_Conclusions_CorrectsConclusionId",
                table: "Conclusions");

            migrationBuilder.DropTable(
                name: "ConclusionVersions");

            migrationBuilder.DropIndex(
                name: "IX_Conclusions_CorrectsConclusionId",
                table: "Conclusions");

            migrationBuilder.DropColumn(
                name: "Closing",
                table: "Conclusions");

            migrationBuilder.DropColumn(
                name: "CorrectsConclusionId",
                table: "Conclusions");

        }
    }
}
