using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Forms_OneTimeTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Token = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Target = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notice = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_CreatedAt",
                table: "FormSubmissions",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormSubmissions");
        }
    }
}
