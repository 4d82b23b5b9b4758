using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Cycle_FollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeadlineDueDay",
                table: "ConclusionDirectives",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeadlineDueDay",
                table: "ConclusionDirectives");
        }
    }
}
