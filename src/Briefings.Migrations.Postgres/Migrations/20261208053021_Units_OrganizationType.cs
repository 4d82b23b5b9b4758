using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Units_OrganizationType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OrganizationType",
                table: "Units",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The organizations that existed before the type was stored are classified once from their names (the
            // folded search text starts with the name), as IssuerLayouts told them apart until now
            // (OrganizationTypes.Guess says the same in C#); from here on the directory's type decides, not the name.
            migrationBuilder.Sql("""
                UPDATE "Units" SET "OrganizationType" = CASE
                    WHEN "SearchText" LIKE '%phu nu%' THEN 1
                    WHEN "SearchText" LIKE '%cuu chien binh%' OR "SearchText" LIKE '%ccb%' THEN 2
                    WHEN "SearchText" LIKE '%nong dan%' THEN 3
                    WHEN "SearchText" LIKE '%doan thanh nien%' OR "SearchText" LIKE '%doan tncs%' OR "SearchText" LIKE 'huyen doan%'
                        OR "SearchText" LIKE 'tinh doan%' OR "SearchText" LIKE 'thanh doan%' OR "SearchText" LIKE 'quan doan%' THEN 4
                    WHEN "SearchText" LIKE '%lao dong%' OR "SearchText" LIKE '%cong doan%' THEN 5
                    ELSE 0 END
                WHERE "Kind" = 8;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OrganizationType",
                table: "Units");
        }
    }
}
