using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Cycle_Conclusions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey",
                table: "FollowUpTasks");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FollowUpFrom",
                table: "Conclusions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsBroughtIn",
                table: "Conclusions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "GroupName",
                table: "ConclusionDirectives",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GroupUnitIds",
                table: "ConclusionDirectives",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "ConclusionAddressees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConclusionAddressees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConclusionAddressees_Conclusions_ConclusionId",
                        column: x => x.ConclusionId,
                        principalTable: "Conclusions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey_LeadUnitId",
                table: "FollowUpTasks",
                columns: new[] { "ConclusionId", "DirectiveOrder", "PeriodKey", "LeadUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionAddressees_ConclusionId",
                table: "ConclusionAddressees",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConclusionAddressees_UnitId",
                table: "ConclusionAddressees",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConclusionAddressees");

            migrationBuilder.DropIndex(
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey_LeadUnitId",
                table: "FollowUpTasks");

            migrationBuilder.DropColumn(
                name: "FollowUpFrom",
                table: "Conclusions");

            migrationBuilder.DropColumn(
                name: "IsBroughtIn",
                table: "Conclusions");

            migrationBuilder.DropColumn(
                name: "GroupName",
                table: "ConclusionDirectives");

            migrationBuilder.DropColumn(
                name: "GroupUnitIds",
                table: "ConclusionDirectives");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey",
                table: "FollowUpTasks",
                columns: new[] { "ConclusionId", "DirectiveOrder", "PeriodKey" },
                unique: true);
        }
    }
}
