using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Briefings.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Papers_InvitationNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "InvitationIssuedOn",
                table: "Meetings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvitationNumber",
                table: "Meetings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InvitationIssuedOn",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "InvitationNumber",
                table: "Meetings");
        }
    }
}
