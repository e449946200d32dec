/* Group discussions board: drag a person to another group (progressive enhancement).
   Without this script every person has a select and "Save the moves" sends them all;
   with it, dropping a person on a group sets that select and sends the form. */
(function () {
  "use strict";
  var board = document.querySelector("[data-groups-board]");
  if (!board || !("draggable" in document.createElement("li"))) {
    return;
  }
  var hint = board.querySelector(".groups-board__drag");
  if (hint) {
    hint.hidden = false;
  }
  var dragged = null;

  board.querySelectorAll(".group-member").forEach(function (member) {
    member.setAttribute("draggable", "true");
    member.addEventListener("dragstart", function (event) {
      dragged = member;
      member.classList.add("group-member--dragging");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", member.getAttribute("data-person"));
    });
    member.addEventListener("dragend", function () {
      member.classList.remove("group-member--dragging");
      dragged = null;
    });
  });

  board.querySelectorAll(".group-members[data-group]").forEach(function (list) {
    list.addEventListener("dragover", function (event) {
      if (dragged) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        list.classList.add("group-members--target");
      }
    });
    list.addEventListener("dragleave", function () {
      list.classList.remove("group-members--target");
    });
    list.addEventListener("drop", function (event) {
      event.preventDefault();
      list.classList.remove("group-members--target");
      if (!dragged || dragged.parentNode === list) {
        return;
      }
      var select = dragged.querySelector("select");
      select.value = list.getAttribute("data-group");
      list.appendChild(dragged);
      var save = board.querySelector('button[name="action"][value="save"]');
      if (board.requestSubmit) {
        board.requestSubmit(save);
      } else {
        save.click();
      }
    });
  });
})();
