using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConclusionPublishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "Conclusions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ConclusionReceipts",
                columns: table => new
                {
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FirstOpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstOpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionReceipts", x => new { x.ConclusionId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_ConclusionReceipts_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConclusionReceipts_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conclusions_IsPublic_Status_IssuedAt",
                table: "Conclusions",
                columns: new[] { "IsPublic", "Status", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionReceipts_UnitId",
                table: "ConclusionReceipts",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConclusionReceipts");

            migrationBuilder.DropIndex(
                name: "IX_Conclusions_IsPublic_Status_IssuedAt",
                table: "Conclusions");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "Conclusions");
        }
    }
}
