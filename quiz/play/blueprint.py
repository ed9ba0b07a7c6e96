"""The student blueprint."""

from flask import Blueprint

bp = Blueprint("play", __name__)
