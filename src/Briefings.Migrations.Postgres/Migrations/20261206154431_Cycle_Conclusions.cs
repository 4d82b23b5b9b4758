using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsBroughtIn",
                table: "Conclusions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "GroupName",
                table: "ConclusionDirectives",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "GroupUnitIds",
                table: "ConclusionDirectives",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.CreateTable(
                name: "ConclusionAddressees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConclusionId = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey_LeadUni~",
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
                name: "IX_FollowUpTasks_ConclusionId_DirectiveOrder_PeriodKey_LeadUni~",
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
