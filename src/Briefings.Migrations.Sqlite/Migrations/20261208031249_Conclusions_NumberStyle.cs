using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Conclusions_NumberStyle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NumberStyle",
                table: "Conclusions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Numbers already given by a People's Committee or the Front were written party-style in every list
            // while their papers said "Số: 02/KL-MTTQ-BTT": they take the state style, and the tasks' copy of the
            // number (task rows, reminders, search) is written again the same way.
            migrationBuilder.Sql("""
                UPDATE "Conclusions" SET "NumberStyle" = 1
                WHERE "Sequence" IS NOT NULL AND "IssuerUnitId" IN (SELECT "Id" FROM "Units" WHERE "Kind" IN (5, 7));
                """);
            migrationBuilder.Sql("""
                UPDATE "FollowUpTasks" SET "ConclusionNumber" = (
                    SELECT printf('%02d/%s-%s', c."Sequence", c."TypeCode", c."IssuerSymbol") FROM "Conclusions" c WHERE c."Id" = "FollowUpTasks"."ConclusionId")
                WHERE "ConclusionId" IN (SELECT "Id" FROM "Conclusions" WHERE "NumberStyle" = 1 AND "Sequence" IS NOT NULL AND "IssuerSymbol" IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NumberStyle",
                table: "Conclusions");
        }
    }
}
